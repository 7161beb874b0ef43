// The consent summary: for each treatment in the plan, what it is for, how many sessions, the downtime, common
// side effects, rare complications and alternatives, then this patient's flagged conditions and the signature
// lines. Built from the catalog and the plan's findings; the UI shows it in the patient's language beside Korean.
import type { Catalog, TreatmentId } from '../catalog/catalog-schema';
import { plannedSessions, plannedTreatments, type PartedSession } from '../plan/plan-parts';
import type { Finding } from '../rules/check-plan';

export type SummaryLanguage = 'ko' | 'en';

export interface ConsentSummary {
  readonly language: SummaryLanguage;
  readonly treatments: readonly {
    readonly id: TreatmentId;
    readonly name: string;
    readonly purpose: string;
    readonly sessions: number;
    readonly downtimeDays: { readonly min: number; readonly max: number };
    readonly sideEffects: readonly string[];
    readonly complications: readonly string[];
    readonly alternatives: readonly string[];
  }[];
  /** This patient's findings (cautions and blocks), so the signature covers them. */
  readonly flaggedConditions: readonly string[];
  readonly signatures: readonly ('patient' | 'coordinator' | 'doctor')[];
}

/** The findings the patient signs for: their own conditions (cautions and blocks). Scheduling findings (closed day,
 * interval) are the clinic's to fix, not the patient's to sign. */
export const patientConditionFindings = <F extends Finding>(findings: readonly F[]): F[] =>
  findings.filter((f) => f.severity !== 'info' && !f.rule.startsWith('schedule-'));

/** The sessions it covers are the ones that will happen, this trip and a next visit (plan-parts.ts): a cancelled
 * session is neither counted nor consented to. */
export function buildConsentSummary(
  plan: readonly PartedSession[],
  findings: readonly Finding[],
  catalog: Catalog,
  language: SummaryLanguage,
): ConsentSummary {
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const sessions = plannedSessions(plan);
  const ids = plannedTreatments(sessions).filter((id) => byId.has(id));
  return {
    language,
    treatments: ids.map((id) => {
      const treatment = byId.get(id)!;
      return {
        id,
        name: treatment.names[language],
        purpose: treatment.purpose.value[language],
        sessions: sessions.filter((session) => session.treatment === id).length,
        downtimeDays: treatment.downtimeDays.value,
        sideEffects: treatment.sideEffects.items.map((item) => item[language]),
        complications: treatment.complications.items.map((item) => item[language]),
        alternatives: treatment.alternatives.value.filter((alt) => byId.has(alt)).map((alt) => byId.get(alt)!.names[language]),
      };
    }),
    flaggedConditions: [...new Set(patientConditionFindings(findings).map((f) => f.message[language]))],
    signatures: ['patient', 'coordinator', 'doctor'],
  };
}
