// The consent summary on screen (Korean and English): for each treatment the patient signs for, what it is for, how
// many sessions, numbing, the downtime, common side effects, rare complications and alternatives (not having it
// among them), then this patient's conditions in the patient's words with what the doctor decided, and the
// signature lines. Which sessions and findings it covers is consentScope's, the same as the consent handout's.
import type { Anaesthesia, Catalog, TreatmentId } from '../catalog/catalog-schema';
import type { Finding } from '../rules/check-plan';
import { consentScope, type ConsentAcknowledgement, type ConsentSession } from './consent-scope';
import { patientFindingText } from './patient-findings';
import englishHandout from '../../../../resources/locales/en/handout.json' with { type: 'json' };
import koreanHandout from '../../../../resources/locales/ko/handout.json' with { type: 'json' };

export type SummaryLanguage = 'ko' | 'en';

export interface ConsentSummary {
  readonly language: SummaryLanguage;
  readonly treatments: readonly {
    readonly id: TreatmentId;
    readonly name: string;
    readonly purpose: string;
    readonly sessions: number;
    readonly anaesthesia: Anaesthesia;
    readonly downtimeDays: { readonly min: number; readonly max: number };
    readonly sideEffects: readonly string[];
    readonly complications: readonly string[];
    readonly alternatives: readonly string[];
  }[];
  /** This patient's conditions on the treatments signed for, in the patient's words ("Rejuran Healer: You told
   * us ..."), each followed by the doctor's decision when one acknowledged it. */
  readonly flaggedConditions: readonly string[];
  /** The same conditions in parts, for the screen to set the doctor's decision on a line of its own. */
  readonly conditions: readonly {
    readonly treatments: string;
    readonly text: string;
    /** "Dr … reviewed this on … and decided to go ahead …"; null: no doctor acknowledged it. */
    readonly decision: string | null;
  }[];
  /** Treatments a block nobody acknowledged keeps out of the consent. */
  readonly keptOut: readonly string[];
  /** The questions a rule of this plan still needs answered, in the patient's words; while any is open the
   * summary is a draft, not the version to sign. */
  readonly openQuestions: readonly string[];
  readonly draft: boolean;
  readonly signatures: readonly ('patient' | 'coordinator' | 'doctor')[];
}

/** The findings the patient's own conditions raise (cautions and blocks, open questions included). Scheduling
 * findings (closed day, interval) are the clinic's to fix, not the patient's to sign. */
export const patientConditionFindings = <F extends Finding>(findings: readonly F[]): F[] =>
  findings.filter((f) => f.severity !== 'info' && !f.rule.startsWith('schedule-'));

/** The handout's sentence for a doctor's decision, so screen and paper say the same. */
const DECIDED: Record<SummaryLanguage, string> = { en: englishHandout.consent.doctorDecided, ko: koreanHandout.consent.doctorDecided };
const decided = (language: SummaryLanguage, doctor: string, date: string | null): string =>
  DECIDED[language].replace('{{doctor}}', doctor).replace('{{date}}', date ?? '-');

export function buildConsentSummary(
  sessions: readonly ConsentSession[],
  findings: readonly (Finding & { readonly acknowledgedBy?: string | null })[],
  catalog: Catalog,
  language: SummaryLanguage,
  acknowledgements?: readonly ConsentAcknowledgement[],
): ConsentSummary {
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  // Without the plan's acknowledgements, a finding's acknowledging doctor still keeps the treatment in (the date
  // of the decision is then unknown).
  const acks =
    acknowledgements ??
    findings.flatMap((f) =>
      f.acknowledgedBy ? [{ rule: f.rule, treatment: f.treatment, date: f.date, doctor: f.acknowledgedBy, at: null }] : [],
    );
  const scope = consentScope(sessions, findings, acks);
  const name = (id: TreatmentId) => byId.get(id)?.names[language] ?? id;
  const conditions = scope.conditions.flatMap(({ finding, treatments, decision }) => {
    const text = patientFindingText(finding.rule, language);
    if (text === null) return [];
    return [
      { treatments: treatments.map(name).join(', '), text, decision: decision ? decided(language, decision.doctor, decision.date) : null },
    ];
  });
  const ids = [...new Set(scope.sessions.map((session) => session.treatment))].filter((id) => byId.has(id));
  return {
    language,
    treatments: ids.map((id) => {
      const treatment = byId.get(id)!;
      return {
        id,
        name: treatment.names[language],
        purpose: treatment.purpose.value[language],
        sessions: scope.sessions.filter((session) => session.treatment === id).length,
        anaesthesia: treatment.anaesthesia.value,
        downtimeDays: treatment.downtimeDays.value,
        sideEffects: treatment.sideEffects.items.map((item) => item[language]),
        complications: treatment.complications.items.map((item) => item[language]),
        alternatives: treatment.alternatives.value.filter((alt) => byId.has(alt)).map((alt) => byId.get(alt)!.names[language]),
      };
    }),
    flaggedConditions: conditions.map(({ treatments, text, decision }) => `${treatments}: ${text}${decision ? ` ${decision}` : ''}`),
    conditions,
    keptOut: scope.keptOut.map(name),
    openQuestions: scope.openQuestions.flatMap((f) => patientFindingText(f.rule, language) ?? []),
    draft: scope.draft,
    signatures: ['patient', 'coordinator', 'doctor'],
  };
}
