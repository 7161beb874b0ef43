// Every rule's finding has its patient wording in all ten languages (resources/locales/<lang>/patient-findings.json),
// whole (no empty text, no rule missing, none left over), and in the patient's words, not the staff's.
import { describe, expect, it } from 'vitest';
import { PATIENT_FINDINGS } from '../../../src/shared/domain/consent/patient-findings';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/intake/vocabulary';
import { realRules } from '../../support/clinical-content';

/** What is wrong with one language's file against the rules, as "rule: problem". */
function problemsOf(texts: Readonly<Record<string, string>>, ruleIds: readonly string[]): string[] {
  return [
    ...ruleIds.filter((id) => typeof texts[id] !== 'string' || texts[id]!.trim() === '').map((id) => `${id}: missing or empty`),
    ...Object.keys(texts)
      .filter((id) => !ruleIds.includes(id))
      .map((id) => `${id}: no such rule`),
  ];
}

describe("the patient's wording of every finding", () => {
  const ids = realRules().map((rule) => rule.id);

  it.each(SUPPORTED_LANGUAGES)('%s has every rule, and only rules', (language) => {
    expect(problemsOf(PATIENT_FINDINGS[language], ids)).toEqual([]);
  });

  it('the check catches a missing, an empty and a stray text', () => {
    expect(problemsOf({ a: 'x', b: ' ', c: 'y' }, ['a', 'b', 'd'])).toEqual([
      'b: missing or empty',
      'd: missing or empty',
      'c: no such rule',
    ]);
  });

  it('speaks to the patient in English and Korean, never as an instruction to staff', () => {
    const staff = /ask the doctor|ask the patient|confirm the|do not treat|the patient|screening incomplete/i;
    for (const id of ids) {
      expect(PATIENT_FINDINGS.en[id], id).not.toMatch(staff);
      expect(PATIENT_FINDINGS.ko[id], id).not.toMatch(/의사에게 문의|환자에게|스크리닝 미완료/);
    }
  });

  // 6 months of isotretinoin, 10 toning sessions, 3 days before the flight: a translation must not lose them. (Two
  // weeks is a word of its own in some languages, the Arabic dual, so it is not checked as a digit.)
  it('keeps the numbers of the staff message (months, sessions, days) in every language', () => {
    for (const rule of realRules()) {
      const numbers = rule.message.en.match(/\b(?:6|10|3)\b(?= (?:months|days|or more))/g) ?? [];
      for (const language of SUPPORTED_LANGUAGES)
        for (const n of numbers) expect(PATIENT_FINDINGS[language][rule.id], `${language} ${rule.id}`).toContain(n);
    }
  });
});
