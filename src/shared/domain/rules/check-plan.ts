// The contraindication engine: every rule against every session of a plan. Pure: the same patient, plan,
// catalog and rules give the same findings, and a date is compared with each session's date, not with today.
import type { Catalog, Treatment, TreatmentId } from '../catalog/catalog-schema';
import { daysBetween } from '../intake/calendar-date';
import type { PatientIntake } from '../intake/patient-schema';
import type { Condition, Rule, Severity } from './rule-schema';

export interface PlannedSession {
  readonly treatment: TreatmentId;
  /** YYYY-MM-DD, or null while not yet scheduled (date conditions then cannot hold). */
  readonly date: string | null;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly treatment: TreatmentId;
  readonly date: string | null;
  readonly message: { readonly ko: string; readonly en: string };
  readonly source: string;
}

interface Context {
  readonly patient: PatientIntake;
  readonly session: PlannedSession;
  readonly treatment: Treatment;
  readonly sessions: readonly PlannedSession[];
}

function holds(condition: Condition, context: Context): boolean {
  const { patient, session, treatment } = context;
  if ('answer' in condition) return patient.screening[condition.answer] === condition.is;
  if ('withinDaysBeforeSession' in condition) {
    const last = patient.screening[condition.withinDaysBeforeSession];
    if (last === null || session.date === null) return false;
    const days = daysBetween(last, session.date);
    return days >= 0 && days < condition.days;
  }
  if ('anyUnanswered' in condition) return condition.anyUnanswered.some((flag) => patient.screening[flag] === null);
  if ('sex' in condition) return patient.sex === condition.sex;
  if ('allergy' in condition) return patient.screening.allergies.items.includes(condition.allergy);
  if ('fitzpatrickAtLeast' in condition) return (patient.skin.fitzpatrick ?? 0) >= condition.fitzpatrickAtLeast;
  if ('fitzpatrickUnknown' in condition) return patient.skin.fitzpatrick === null;
  if ('concern' in condition) return patient.skin.concerns.includes(condition.concern);
  if ('sessionsOfTreatmentAtLeast' in condition) {
    return context.sessions.filter((other) => other.treatment === condition.sessionsOfTreatmentAtLeast).length >= condition.count;
  }
  if ('downtimeEndsAfterDeparture' in condition) {
    return session.date !== null && daysBetween(session.date, patient.trip.departure) < treatment.downtimeDays.value.max;
  }
  if ('daysBeforeDepartureLessThan' in condition) {
    return session.date !== null && daysBetween(session.date, patient.trip.departure) < condition.daysBeforeDepartureLessThan;
  }
  if ('all' in condition) return condition.all.every((part) => holds(part, context));
  if ('any' in condition) return condition.any.some((part) => holds(part, context));
  return !holds(condition.not, context);
}

export function ruleAppliesTo(rule: Rule, treatment: Treatment): boolean {
  const { treatments, categories, tags } = rule.appliesTo;
  return treatments.includes(treatment.id) || categories.includes(treatment.category) || tags.some((tag) => treatment.tags.includes(tag));
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, caution: 1, info: 2 };

/** Most severe first, then by date and treatment. */
export function byFindingOrder(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.date ?? '').localeCompare(b.date ?? '') ||
    a.treatment.localeCompare(b.treatment) ||
    a.rule.localeCompare(b.rule)
  );
}

/** Findings for every session, most severe first, then by date and treatment. */
export function checkPlan(
  patient: PatientIntake,
  sessions: readonly PlannedSession[],
  catalog: Catalog,
  rules: readonly Rule[],
): Finding[] {
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const findings: Finding[] = [];
  for (const session of sessions) {
    const treatment = byId.get(session.treatment);
    if (!treatment) continue;
    for (const rule of rules) {
      if (!ruleAppliesTo(rule, treatment)) continue;
      if (!holds(rule.when, { patient, session, treatment, sessions })) continue;
      findings.push({ rule: rule.id, severity: rule.severity, treatment: treatment.id, date: session.date, message: rule.message, source: rule.source });
    }
  }
  return findings.sort(byFindingOrder);
}
