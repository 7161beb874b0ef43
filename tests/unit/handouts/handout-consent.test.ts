// The consent summary handout carries this patient's flagged conditions in the patient's language (and Korean),
// and not the clinic's scheduling findings.
import { describe, expect, it } from 'vitest';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { languageTexts } from '../../../src/main/handouts/texts/handout-texts';
import { realCatalog, realRules } from '../../support/clinical-content';
import { handoutInput } from '../../support/handout-input';
import { normalise, pdfText } from './pdf-tools';

describe('the consent summary handout', () => {
  it('lists a fish allergy against a salmon-DNA booster, in Chinese and in Korean', async () => {
    const input = handoutInput('zh-Hans', ['rejuran-healer']);
    const allergic = { ...input, patient: { ...input.patient, screening: { ...input.patient.screening, allergies: { items: ['fish' as const], other: '' } } } };
    const text = pdfText(await makeHandout(allergic, { kind: 'consent', language: 'zh-Hans', bilingual: true }));
    const flagged = (language: 'zh-Hans' | 'ko') => normalise(languageTexts(language, realCatalog(), realRules()).rule('fish-allergy-salmon-pn', ''));
    expect(text).toContain(flagged('zh-Hans').slice(0, 20));
    expect(text).toContain(flagged('ko').slice(0, 20));

    const noAllergies = { ...input, patient: { ...input.patient, screening: { ...input.patient.screening, allergies: { items: [], other: '' } } } };
    const clean = pdfText(await makeHandout(noAllergies, { kind: 'consent', language: 'zh-Hans', bilingual: false }));
    expect(clean).not.toContain(flagged('zh-Hans').slice(0, 20));
    expect(clean).toContain(normalise(languageTexts('zh-Hans', realCatalog(), realRules()).handout.consent.noFlags));
  });
});
