// The handouts' words, per language, from resources/locales/<lang>/: handout.json (headings, phases, footer),
// followups.json (the follow-up steps and the message to the patient), and for the eight languages beyond
// Korean and English catalog.json (treatment names and care texts) and rules.json (the rules' staff messages; the
// handouts print a finding in the patient's words, from patient-findings.json). Korean and English
// treatment texts come from the catalog itself, where each one names its source. Complete for all ten languages:
// tests/unit/handouts/locale-files.test.ts fails on a missing or empty key.
import { readFileSync } from 'node:fs';
import { resourcePath } from '../../resources';
import type { Catalog, TreatmentId } from '../../../shared/domain/catalog/catalog-schema';
import type { Rule } from '../../../shared/domain/rules/rule-schema';
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import type englishHandout from '../../../../resources/locales/en/handout.json';
import type englishFollowUps from '../../../../resources/locales/en/followups.json';

export type HandoutWords = typeof englishHandout;
export type FollowUpWords = typeof englishFollowUps;

export interface TreatmentWords {
  readonly name: string;
  readonly purpose: string;
  readonly preCare: readonly string[];
  readonly aftercare: readonly string[];
  readonly sideEffects: readonly string[];
  readonly complications: readonly string[];
}

export interface LanguageTexts {
  readonly language: LanguageTag;
  readonly handout: HandoutWords;
  readonly followUps: FollowUpWords;
  treatment(id: TreatmentId): TreatmentWords;
  rule(id: string, fallback: string): string;
}

const readJson = <T>(language: LanguageTag, file: string): T =>
  JSON.parse(readFileSync(resourcePath('locales', language, file), 'utf8')) as T;

const cache = new Map<LanguageTag, LanguageTexts>();

export function languageTexts(language: LanguageTag, catalog: Catalog, rules: readonly Rule[]): LanguageTexts {
  const cached = cache.get(language);
  if (cached) return cached;
  const handout = readJson<HandoutWords>(language, 'handout.json');
  const followUps = readJson<FollowUpWords>(language, 'followups.json');
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  let treatment: LanguageTexts['treatment'];
  let rule: LanguageTexts['rule'];
  if (language === 'ko' || language === 'en') {
    treatment = (id) => {
      const t = byId.get(id)!;
      const lines = (list: { items: readonly Record<'ko' | 'en', string>[] }) => list.items.map((item) => item[language]);
      return {
        name: t.names[language],
        purpose: t.purpose.value[language],
        preCare: lines(t.preCare),
        aftercare: lines(t.aftercare),
        sideEffects: lines(t.sideEffects),
        complications: lines(t.complications),
      };
    };
    rule = (id, fallback) => ruleById.get(id)?.message[language] ?? fallback;
  } else {
    const translated = readJson<Record<string, TreatmentWords>>(language, 'catalog.json');
    const ruleWords = readJson<Record<string, string>>(language, 'rules.json');
    treatment = (id) => translated[id]!;
    rule = (id, fallback) => ruleWords[id] ?? fallback;
  }
  const texts: LanguageTexts = { language, handout, followUps, treatment, rule };
  cache.set(language, texts);
  return texts;
}

/** Fill {{placeholders}} (the i18next syntax the locale files use; handouts need no plurals or formatters, so a
 * replace is all it takes). An unknown placeholder is left visible rather than silently emptied. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
