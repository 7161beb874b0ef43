// The consent summary handout carries this patient's conditions in the patient's words and language (and Korean),
// and not the clinic's scheduling findings.
import { describe, expect, it } from 'vitest';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { languageTexts } from '../../../src/main/handouts/texts/handout-texts';
import { patientFindingText } from '../../../src/shared/domain/consent/patient-findings';
import { positionalSessionId } from '../../../src/shared/domain/plan/plan-schema';
import { realCatalog, realRules } from '../../support/clinical-content';
import { handoutInput } from '../../support/handout-input';
import { normalise, pdfText } from './pdf-tools';

describe('the consent summary handout', () => {
  it('lists a fish allergy against a salmon-DNA booster the doctor kept, in Chinese and in Korean', async () => {
    const input = handoutInput('zh-Hans', ['rejuran-healer']);
    const date = input.plan.items[0]!.date;
    const allergic = {
      ...input,
      patient: { ...input.patient, screening: { ...input.patient.screening, allergies: { items: ['fish' as const], other: '' } } },
      plan: {
        ...input.plan,
        acknowledgements: [
          { rule: 'fish-allergy-salmon-pn', treatment: 'rejuran-healer' as const, date, doctor: 'Kim Minji', at: '2027-01-05T02:00:00Z' },
        ],
      },
    };
    const text = pdfText(await makeHandout(allergic, { kind: 'consent', language: 'zh-Hans', bilingual: true }));
    const flagged = (language: 'zh-Hans' | 'ko') => normalise(patientFindingText('fish-allergy-salmon-pn', language)!);
    // A line break inside a Chinese sentence reads back as a space.
    const solid = (line: string) => line.replace(/\s/gu, '');
    expect(solid(text)).toContain(solid(flagged('zh-Hans')));
    expect(solid(text)).toContain(solid(flagged('ko')));
    expect(text).toContain('Kim Minji');

    const noAllergies = {
      ...input,
      patient: { ...input.patient, screening: { ...input.patient.screening, allergies: { items: [], other: '' } } },
    };
    const clean = pdfText(await makeHandout(noAllergies, { kind: 'consent', language: 'zh-Hans', bilingual: false }));
    expect(solid(clean)).not.toContain(solid(flagged('zh-Hans')));
    expect(clean).toContain(normalise(languageTexts('zh-Hans', realCatalog(), realRules()).handout.consent.noFlags));
  });
});

describe('a CO2 moved to a next visit, for a patient who took isotretinoin', () => {
  // The plan keeps the CO2 undated at a next visit; its isotretinoin finding must reach both documents.
  const withCo2AtNextVisit = () => {
    const input = handoutInput('en', ['laser-toning']);
    const arrival = input.patient.trip.arrival;
    const dose = new Date(Date.parse(`${arrival}T00:00:00Z`) - 61 * 86_400_000).toISOString().slice(0, 10);
    return {
      ...input,
      patient: { ...input.patient, screening: { ...input.patient.screening, isotretinoinLastDose: dose } },
      plan: {
        ...input.plan,
        items: [
          ...input.plan.items,
          { id: positionalSessionId(59), treatment: 'fractional-co2' as const, date: null, nextVisit: true as const },
        ],
      },
    };
  };
  it('lists the isotretinoin finding on the consent summary and on the pre-care checklist', async () => {
    const input = withCo2AtNextVisit();
    const consent = pdfText(await makeHandout(input, { kind: 'consent', language: 'en', bilingual: false }));
    const precare = pdfText(await makeHandout(input, { kind: 'precare', language: 'en', bilingual: false }));
    const found = realRules()
      .filter((r) => r.id.startsWith('isotretinoin'))
      .map((r) => normalise(patientFindingText(r.id, 'en')!).slice(0, 30));
    expect(found.some((line) => consent.includes(line))).toBe(true);
    expect(found.some((line) => precare.includes(line))).toBe(true);
    expect(precare).toContain(normalise(languageTexts('en', realCatalog(), realRules()).handout.precare.doctorWillCheck));
  });
});
