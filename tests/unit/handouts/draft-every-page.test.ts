// A draft says so on every page, not only where the document starts and ends: a page of a draft consent or plan
// taken from the others and read alone must not pass for a final one. Read back page by page with pdftotext: every
// page of a multi-page draft consent (a screening question a plan rule reads still open) and of a draft plan
// carries the mark in the patient's language, and in Korean beside it in a bilingual handout; a final one carries
// none.
import { describe, expect, it } from 'vitest';
import type { HandoutInput } from '../../../src/main/handouts/kinds/handout-input';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { languageTexts } from '../../../src/main/handouts/texts/handout-texts';
import type { TreatmentId } from '../../../src/shared/domain/catalog/catalog-schema';
import type { LanguageTag } from '../../../src/shared/domain/intake/vocabulary';
import { realCatalog, realRules } from '../../support/clinical-content';
import { handoutInput } from '../../support/handout-input';
import { pdfPageTexts } from './pdf-tools';

/** Enough treatments for a consent of three pages or more, and a bilingual plan of two. */
const MANY: readonly TreatmentId[] = ['ultherapy', 'pico-laser', 'led-therapy', 'chemical-peel', 'hydrafacial'];

/** Text compared without spaces and punctuation: a line break, or poppler moving an Arabic dash, changes neither. */
const squeezed = (text: string) => text.replace(/[\s\p{P}]/gu, '');

const texts = (language: LanguageTag) => languageTexts(language, realCatalog(), realRules()).handout;

/** The patient has not been asked whether she may be pregnant: every treatment's rules read that question. */
const pregnancyOpen = (input: HandoutInput): HandoutInput => ({
  ...input,
  patient: { ...input.patient, screening: { ...input.patient.screening, pregnant: null } },
});

const languagesOf = (language: LanguageTag, bilingual: boolean): LanguageTag[] =>
  bilingual && language !== 'ko' ? [language, 'ko'] : [language];

function expectMarkOnEveryPage(pdf: Buffer, marks: readonly string[]) {
  const pages = pdfPageTexts(pdf).map(squeezed);
  expect(pages.length, 'a document long enough to turn pages').toBeGreaterThan(1);
  pages.forEach((page, index) => {
    for (const mark of marks) expect(page, `page ${index + 1} of ${pages.length} carries "${mark}"`).toContain(squeezed(mark));
  });
}

function expectNoMark(pdf: Buffer, marks: readonly string[]) {
  pdfPageTexts(pdf)
    .map(squeezed)
    .forEach((page, index) => {
      for (const mark of marks) expect(page, `page ${index + 1} carries no "${mark}"`).not.toContain(squeezed(mark));
    });
}

describe('a draft consent summary', () => {
  it.each([
    ['en', false],
    ['ar', true],
    ['th', true],
    ['ja', true],
  ] as const)('in %s (with Korean: %s) says so on every page', async (language, bilingual) => {
    const pdf = await makeHandout(pregnancyOpen(handoutInput(language, MANY)), { kind: 'consent', language, bilingual });
    expectMarkOnEveryPage(
      pdf,
      languagesOf(language, bilingual).map((lang) => texts(lang).consent.draft),
    );
  });

  it('a final one carries no mark', async () => {
    const pdf = await makeHandout(handoutInput('ar', MANY), { kind: 'consent', language: 'ar', bilingual: true });
    expectNoMark(pdf, [texts('ar').consent.draft, texts('ko').consent.draft, texts('ar').plan.draftMark, texts('ko').plan.draftMark]);
  });
});

describe('a draft plan and quote', () => {
  it.each(['en', 'ar', 'th'] as const)('in %s with Korean says so on every page', async (language) => {
    const pdf = await makeHandout(handoutInput(language, MANY), { kind: 'plan', language, bilingual: true, draft: true });
    expectMarkOnEveryPage(
      pdf,
      languagesOf(language, true).map((lang) => texts(lang).plan.draftMark),
    );
  });

  it('a final one carries no mark', async () => {
    const pdf = await makeHandout(handoutInput('en', MANY), { kind: 'plan', language: 'en', bilingual: true });
    expectNoMark(pdf, [texts('en').plan.draftMark, texts('ko').plan.draftMark, 'DRAFT']);
  });
});
