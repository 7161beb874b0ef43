// Everything the plan screen shows about a plan, from one pure function: the findings (rules and schedule)
// with their acknowledgements, the quote, the consent summary in Korean and English, and treatments the
// patient's concerns suggest. Called on every change, so findings update live.
import type { Catalog, TreatmentId } from '../catalog/catalog-schema';
import { buildConsentSummary, type ConsentSummary } from '../consent/consent-summary';
import type { PatientIntake } from '../intake/patient-schema';
import { byFindingOrder, checkPlan, type Finding } from '../rules/check-plan';
import type { Rule } from '../rules/rule-schema';
import { checkSchedule } from '../schedule/schedule-plan';
import type { ClinicSettings } from '../settings/clinic-settings';
import { plannedTreatments } from './plan-parts';
import type { Plan } from './plan-schema';
import { buildQuoteView, type QuoteView } from './quote-view';
import { sameFinding } from './same-finding';

export type { QuoteLineView, QuotePartView, QuoteView } from './quote-view';
export { sameFinding } from './same-finding';

export interface PlanFinding extends Finding {
  /** The doctor who acknowledged this block or caution, if one did. */
  readonly acknowledgedBy: string | null;
}

export interface PlanEvaluation {
  readonly findings: readonly PlanFinding[];
  readonly unacknowledgedBlocks: number;
  readonly quote: QuoteView;
  readonly consent: { readonly ko: ConsentSummary; readonly en: ConsentSummary };
  readonly suggestions: readonly TreatmentId[];
}

/** The plan's findings alone (schedule and rules) with their acknowledgements: what the week view shows per session.
 * `today` (Korea) bounds the days an undated session can still take. */
export function planFindings(
  patient: PatientIntake,
  plan: Plan,
  catalog: Catalog,
  rules: readonly Rule[],
  settings: ClinicSettings,
  today: string,
): PlanFinding[] {
  const raw = [
    ...checkSchedule(patient.trip, plan.items, catalog, settings.hours),
    ...checkPlan(patient, plan.items, catalog, rules, today),
  ].sort(byFindingOrder);
  return raw.map((finding) => ({
    ...finding,
    acknowledgedBy: plan.acknowledgements.find((ack) => sameFinding(finding, ack))?.doctor ?? null,
  }));
}

export function evaluatePlan(
  patient: PatientIntake,
  plan: Plan,
  catalog: Catalog,
  rules: readonly Rule[],
  settings: ClinicSettings,
  today: string,
): PlanEvaluation {
  const findings = planFindings(patient, plan, catalog, rules, settings, today);

  const ids = plannedTreatments(plan.items);
  const quote = buildQuoteView(plan, catalog, settings, patient.homeCurrency, today);

  const concernSet = new Set(patient.skin.concerns);
  const suggestions = catalog
    .map((treatment) => ({ id: treatment.id, overlap: treatment.concerns.value.filter((c) => concernSet.has(c)).length }))
    .filter(({ id, overlap }) => overlap > 0 && !ids.includes(id))
    .sort((a, b) => b.overlap - a.overlap || a.id.localeCompare(b.id))
    .map(({ id }) => id);

  return {
    findings,
    unacknowledgedBlocks: findings.filter((f) => f.severity === 'block' && f.acknowledgedBy === null).length,
    quote,
    consent: {
      ko: buildConsentSummary(plan.items, findings, catalog, 'ko', plan.acknowledgements),
      en: buildConsentSummary(plan.items, findings, catalog, 'en', plan.acknowledgements),
    },
    suggestions,
  };
}
