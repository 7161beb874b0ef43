// What each rule's finding means for the patient, in the patient's words and all ten languages
// (resources/locales/<lang>/patient-findings.json): the condition and what it means for this treatment, never an
// instruction to staff (the rules keep those, in resources/rules/contraindications.json, for the plan screen).
// Imported statically so the consent on screen, the handouts and the CLI read the same files;
// tests/unit/i18n/patient-findings.test.ts keeps every rule's text present in every language.
import type { LanguageTag } from '../intake/vocabulary';
import ar from '../../../../resources/locales/ar/patient-findings.json' with { type: 'json' };
import en from '../../../../resources/locales/en/patient-findings.json' with { type: 'json' };
import ja from '../../../../resources/locales/ja/patient-findings.json' with { type: 'json' };
import ko from '../../../../resources/locales/ko/patient-findings.json' with { type: 'json' };
import mn from '../../../../resources/locales/mn/patient-findings.json' with { type: 'json' };
import ru from '../../../../resources/locales/ru/patient-findings.json' with { type: 'json' };
import th from '../../../../resources/locales/th/patient-findings.json' with { type: 'json' };
import vi from '../../../../resources/locales/vi/patient-findings.json' with { type: 'json' };
import zhHans from '../../../../resources/locales/zh-Hans/patient-findings.json' with { type: 'json' };
import zhHant from '../../../../resources/locales/zh-Hant/patient-findings.json' with { type: 'json' };

export const PATIENT_FINDINGS: Readonly<Record<LanguageTag, Readonly<Record<string, string>>>> = {
  ko,
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ja,
  th,
  vi,
  ru,
  mn,
  ar,
};

/** The patient's wording of a rule's finding, or null for a rule without one (a new rule before its texts; the
 * locale test fails on it, and the consent then says nothing rather than print a staff instruction). */
export const patientFindingText = (rule: string, language: LanguageTag): string | null => PATIENT_FINDINGS[language][rule] ?? null;
