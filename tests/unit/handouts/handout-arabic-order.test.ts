// Word positions read back from an Arabic handout with `pdftotext -bbox`: the line runs right to left, and
// "SPF 50+" and the clinic's phone number keep their own left-to-right order inside it.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { languageTexts } from '../../../src/main/handouts/texts/handout-texts';
import { realCatalog, realRules } from '../../support/clinical-content';
import { handoutInput } from '../../support/handout-input';
import { pdfWords, type PdfWord } from './pdf-tools';

const ARABIC = /\p{Script=Arabic}/u;
/** pdftotext -bbox gives each Arabic word's glyphs left to right, i.e. its letters reversed. */
const spelled = (word: PdfWord) => (ARABIC.test(word.text) ? [...word.text].reverse().join('') : word.text);
const stripPunctuation = (text: string) => text.replace(/[.:،]/gu, '');

let words: PdfWord[] = [];
beforeAll(async () => {
  words = pdfWords(await makeHandout(handoutInput('ar'), { kind: 'aftercare', language: 'ar', bilingual: false }));
});

/** The words on the same line as the first word matching `anchor`, left to right. */
function lineOf(anchor: (word: PdfWord) => boolean): PdfWord[] {
  const first = words.find(anchor);
  expect(first, 'anchor word on the page').toBeDefined();
  return words.filter((w) => w.page === first!.page && Math.abs(w.yMin - first!.yMin) < 3).sort((a, b) => a.xMin - b.xMin);
}

describe('an Arabic handout line read back from the PDF', () => {
  it('runs right to left with "SPF 50+" left to right in its place', () => {
    const sentence = languageTexts('ar', realCatalog(), realRules())
      .treatment('rejuran-healer')
      .aftercare.find((line) => line.includes('SPF 50+'))!;
    const line = lineOf((w) => w.text === 'SPF');
    const texts = line.map(spelled).map(stripPunctuation).filter(Boolean);
    // Reading right to left gives the sentence's words in their written order.
    expect([...texts].reverse().join(' ')).toBe(stripPunctuation(sentence).replace('SPF 50+', '50+ SPF'));
    const spf = texts.indexOf('SPF');
    expect(texts[spf + 1]).toBe('50+');
  });

  it('keeps the phone number in its own order beside the right-aligned label', () => {
    const label = languageTexts('ar', realCatalog(), realRules()).handout.common.phone;
    const line = lineOf((w) => w.text === '+82');
    const texts = line.map(spelled).map(stripPunctuation).filter(Boolean);
    expect(texts.slice(texts.indexOf('+82'), texts.indexOf('+82') + 2)).toEqual(['+82', '2-1234-5678']);
    // The label is the rightmost word: a right-to-left line starts at the right margin.
    expect(texts.at(-1)).toBe(label);
    expect(line.at(-1)!.xMin).toBeGreaterThan(line[0]!.xMin);
  });
});
