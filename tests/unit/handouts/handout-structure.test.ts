// Text a reader can copy: every handout is a tagged PDF whose structure tree has headings, paragraphs, lists and
// tables, each span carrying its language (Korean and the patient's language apart); and the Thai and Arabic
// native names and a sentence of each come out of `pdftotext` (default mode) as written.
import { describe, expect, it } from 'vitest';
import { HANDOUT_KINDS } from '../../../src/main/handouts/kinds/handout-input';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { languageTexts } from '../../../src/main/handouts/texts/handout-texts';
import { realCatalog, realRules } from '../../support/clinical-content';
import { handoutInput } from '../../support/handout-input';
import { structureOf } from './pdf-structure';
import { pdfText, pdfWarnings } from './pdf-tools';

const cases = (['ar', 'th', 'en'] as const).flatMap((language) => HANDOUT_KINDS.map((kind) => ({ language, kind })));

describe('the structure tree of a handout', () => {
  it.each(cases)('$kind in $language with Korean: tagged, a language on every span', async ({ language, kind }) => {
    const pdf = await makeHandout(handoutInput(language), { kind, language, bilingual: true });
    const tree = structureOf(pdf);
    expect(tree).toMatchObject({ catalogLang: language, marked: true, hasStructTreeRoot: true });
    const spans = tree.elements.filter((e) => e.type === 'Span');
    expect(spans.length).toBeGreaterThan(10);
    for (const span of spans) expect(span.lang, 'a language on each span').toMatch(/^(ko|ar|th|en)$/u);
    expect(new Set(spans.map((s) => s.lang))).toEqual(new Set([language, 'ko']));
    // Arabic spans carry the sentence as written for screen readers (the glyphs are in visual order).
    if (language === 'ar') for (const span of spans.filter((s) => s.lang === 'ar')) expect(span.actualText).toBe(true);
    const types = new Set(tree.elements.map((e) => e.type));
    for (const type of ['Document', 'H1', 'P']) expect(types, type).toContain(type);
    if (kind === 'aftercare') for (const type of ['H2', 'L', 'LI', 'LBody']) expect(types, type).toContain(type);
    if (kind === 'plan' || kind === 'followup') for (const type of ['Table', 'TR', 'TH', 'TD']) expect(types, type).toContain(type);
  });
});

describe('marked content', () => {
  // A table continued on a new page repeats its header row as an artifact, and that row draws artifacts of its own
  // (its shading, its rule): one must not close the other.
  it('opens and closes in pairs, a repeated table header row included', async () => {
    const input = handoutInput('ar', ['ultherapy', 'pico-laser', 'led-therapy', 'chemical-peel', 'hydrafacial']);
    for (const kind of ['plan', 'consent'] as const) {
      const pdf = await makeHandout(input, { kind, language: 'ar', bilingual: true });
      expect(pdfWarnings(pdf), kind).toEqual([]);
    }
  });
});

/** pdftotext's default output, with spaces around punctuation ignored: poppler puts the space of a right-to-left
 * line on the other side of a colon or comma ("قلق :راسل"), which changes neither the words nor their order. */
const comparable = (text: string) =>
  text
    .replace(/\s+/gu, ' ')
    .replace(/ ?([.:،,]) ?/gu, '$1')
    .trim();

describe('Thai and Arabic text extracted as written', () => {
  it.each([
    ['th', (t: ReturnType<typeof languageTexts>) => t.handout.common.disclaimer],
    ['th', (t: ReturnType<typeof languageTexts>) => t.handout.aftercare.callEmergency],
    ['ar', (t: ReturnType<typeof languageTexts>) => t.handout.aftercare.callClinic],
  ] as const)('%s bilingual aftercare: the native name and a sentence', async (language, sentence) => {
    const input = handoutInput(language);
    const text = comparable(pdfText(await makeHandout(input, { kind: 'aftercare', language, bilingual: true })));
    expect(text).toContain(input.patient.names.native);
    expect(text).toContain(comparable(sentence(languageTexts(language, realCatalog(), realRules()))));
  });
});
