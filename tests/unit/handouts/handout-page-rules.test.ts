// Pages that hold together, read back from every one of the 95 kind x language PDFs (`pdftotext -bbox`): no
// continuation page with fewer than three lines of body text (the running header and footer, and the section name
// repeated at a page's top, not counted), no heading as the last line of a page, the consent's signature lines
// on the page of the statement they sign, and the emergency numbers with the clinic's e-mail on one page.
import { describe, expect, it } from 'vitest';
import { HANDOUT_KINDS } from '../../../src/main/handouts/kinds/handout-input';
import { handoutBlocks, makeHandout } from '../../../src/main/handouts/make-handout';
import { languageTexts } from '../../../src/main/handouts/texts/handout-texts';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/intake/vocabulary';
import { realCatalog, realRules } from '../../support/clinical-content';
import { handoutInput } from '../../support/handout-input';
import { pdfPageTexts, pdfWords, type PdfWord } from './pdf-tools';

const cases = SUPPORTED_LANGUAGES.flatMap((language) =>
  HANDOUT_KINDS.flatMap((kind) => [
    { language, kind, bilingual: false },
    ...(language === 'ko' ? [] : [{ language, kind, bilingual: true }]),
  ]),
);

/** Between the header's rule and the footer's. */
const BODY = { top: 78, bottom: 778 };

/** A word by its letters, in any order: Arabic words come back from pdftotext with their letters reversed. */
const letters = (word: string) => [...word.replace(/[\p{P}\s]/gu, '')].sort().join('');
/** Text compared without spaces and punctuation (poppler moves Arabic punctuation and splits some Arabic words). */
const squeezed = (text: string) => text.replace(/[\s\p{P}]/gu, '');

/** Body lines of a page, top to bottom: words whose tops lie within 2.5 pt of each other. */
function bodyLines(words: readonly PdfWord[], page: number): PdfWord[][] {
  const body = words.filter((w) => w.page === page && w.yMin > BODY.top && w.yMin < BODY.bottom).sort((a, b) => a.yMin - b.yMin);
  const lines: PdfWord[][] = [];
  for (const word of body) {
    const line = lines.at(-1);
    if (line && word.yMin - line[0]!.yMin < 2.5) line.push(word);
    else lines.push([word]);
  }
  return lines;
}

describe('pages that hold together', () => {
  it.each(cases)('$kind in $language (bilingual: $bilingual)', async ({ language, kind, bilingual }) => {
    const input = handoutInput(language);
    const request = { kind, language, bilingual };
    const pdf = await makeHandout(input, request);
    const words = pdfWords(pdf);
    const pages = Math.max(...words.map((w) => w.page));
    const headings = handoutBlocks(input, request).blocks.flatMap((block) => (block.type === 'heading' ? [block] : []));
    const headingWords = headings.map(
      (heading) =>
        new Set(
          heading.text
            .flatMap((txt) => txt.text.split(/\s+/u))
            .map(letters)
            .filter(Boolean),
        ),
    );
    const sectionWords = new Set(
      headings
        .filter((h) => h.level === 1)
        .flatMap((h) => h.text.flatMap((txt) => txt.text.split(/\s+/u)))
        .map(letters),
    );
    // A line is a heading's when all its words are the heading's and it has most of them (a body line's last word
    // alone may happen to be a heading's word too).
    const isHeadingLine = (line: readonly PdfWord[]) =>
      headingWords.some(
        (set) =>
          line.every((w) => letters(w.text) === '' || set.has(letters(w.text))) &&
          new Set(line.map((w) => letters(w.text))).size * 2 > set.size,
      );

    for (let page = 1; page <= pages; page += 1) {
      const lines = bodyLines(words, page);
      if (page > 1) {
        // The section's name repeated at the top is not body text.
        const body = lines.filter((line, index) => !(index < 2 && line.every((w) => sectionWords.has(letters(w.text)))));
        expect(
          body.length,
          `page ${page} of ${pages}: ${body.map((l) => l.map((w) => w.text).join(' ')).join(' / ')}`,
        ).toBeGreaterThanOrEqual(3);
      }
      if (page < pages) {
        const last = lines.at(-1)!;
        expect(isHeadingLine(last), `page ${page} ends with a heading: ${last.map((w) => w.text).join(' ')}`).toBe(false);
      }
    }

    if (kind === 'consent') {
      const consent = languageTexts(language, realCatalog(), realRules()).handout.consent;
      const texts = pdfPageTexts(pdf).map(squeezed);
      const signed = texts.findLastIndex((text) => text.includes(squeezed(consent.signature)));
      expect(signed, 'signature lines found').toBeGreaterThanOrEqual(0);
      expect(texts[signed], 'the statement on the signatures’ page').toContain(squeezed(consent.statement).slice(0, 12));
    }
    if (kind === 'aftercare' || kind === 'followup') {
      const emergency = ['119', '1339', '1345', 'care@glow.example.kr'].map(
        (needle) => new Set(words.filter((w) => w.text.includes(needle)).map((w) => w.page)),
      );
      for (const found of emergency) expect(found.size, 'each emergency line found on a page').toBeGreaterThan(0);
      expect(new Set(emergency.flatMap((found) => [...found])).size, '119, 1339, 1345 and the clinic’s e-mail on one page').toBe(1);
    }
  });
});
