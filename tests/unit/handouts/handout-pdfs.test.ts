// Every handout kind in every language, alone (50) and bilingual with Korean (45): the PDF is made, embeds only
// subset fonts, and its text holds the patient's native name and a known sentence of the language (the kind's
// title and the footer's "general information" line).
import { describe, expect, it } from 'vitest';
import { HANDOUT_KINDS } from '../../../src/main/handouts/kinds/handout-input';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/intake/vocabulary';
import { handoutInput } from '../../support/handout-input';
import { realCatalog, realRules } from '../../support/clinical-content';
import { languageTexts } from '../../../src/main/handouts/texts/handout-texts';
import { normalise, pdfFonts, pdfText } from './pdf-tools';

const cases = SUPPORTED_LANGUAGES.flatMap((language) =>
  HANDOUT_KINDS.flatMap((kind) => [
    { language, kind, bilingual: false },
    ...(language === 'ko' ? [] : [{ language, kind, bilingual: true }]),
  ]),
);

describe('handout PDFs', () => {
  it('cover 50 kind x language and 45 bilingual combinations', () => {
    expect(cases.filter((c) => !c.bilingual)).toHaveLength(50);
    expect(cases.filter((c) => c.bilingual)).toHaveLength(45);
  });

  it.each(cases)('$kind in $language (bilingual: $bilingual)', async ({ language, kind, bilingual }) => {
    const input = handoutInput(language);
    const pdf = await makeHandout(input, { kind, language, bilingual });
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/u);
    }
    // Arabic: poppler places sentence punctuation of a right-to-left line by its own rules (a colon or full stop
    // may come out at the other end of its line) and reads the gap after a letter that never joins to the left
    // (و, ا, د) at small sizes as a space ("الأولو ية"). So Arabic is compared by its letters, in order, without
    // punctuation and spaces; word order on the page is checked from positions in handout-arabic-order.test.ts.
    const comparable = (text: string) => (language === 'ar' ? text.replace(/[\s.:،؛؟!]/gu, '') : normalise(text));
    const text = comparable(pdfText(pdf));
    expect(text).toContain(comparable(input.patient.names.native));
    const words = languageTexts(language, realCatalog(), realRules()).handout;
    expect(text).toContain(comparable(words.title[kind]));
    expect(text).toContain(comparable(words.common.disclaimer));
    if (bilingual) expect(text).toContain(comparable(languageTexts('ko', realCatalog(), realRules()).handout.title[kind]));
  });
});
