// The contraindication engine: every rule against every session of a plan. Pure: the same patient, plan,
// catalog, rules and day give the same findings. A date is compared with each session's date, never with today;
// today only says which days an undated session can still take (see session-timing.ts).
import type { Catalog, Treatment, TreatmentId } from '../catalog/catalog-schema';
import { addDays, daysBetween, isCalendarDate } from '../intake/calendar-date';
import type { PatientIntake } from '../intake/patient-schema';
import { foldForSearch } from '../intake/search-text';
import { DATE_NOT_ASKED } from '../intake/vocabulary';
import type { Condition, Rule, Severity } from './rule-schema';
import { plannedSessions } from '../plan/plan-parts';
import type { SessionStatus } from '../plan/plan-schema';
import { sessionTiming, type SessionTiming, type TimedSession } from './session-timing';

export interface PlannedSession extends TimedSession {
  /** The session's id, carried to its findings so an acknowledgement follows the session wherever it moves. */
  readonly id?: string | undefined;
  readonly treatment: TreatmentId;
  /** YYYY-MM-DD, or null while not yet scheduled or when moved to a next visit. */
  readonly date: string | null;
  /** A cancelled session is not checked (plan-parts.ts). */
  readonly status?: SessionStatus | undefined;
}

/** How a finding of an undated session came about: never a pass because the date is missing. */
export type FindingTiming =
  /** No date set yet: the rule fires if the session is done on a day from `firesFrom` to `firesTo`. */
  | { readonly kind: 'undated'; readonly firesFrom: string; readonly firesTo: string }
  /** At a next visit: the rule holds until `notBefore` (null: whatever the date). */
  | { readonly kind: 'next-visit'; readonly notBefore: string | null };

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly treatment: TreatmentId;
  readonly date: string | null;
  /** The id of the session it was found for, when the session has one (for identical findings of several undated
   * sessions, listed once, the first of them). */
  readonly session?: string;
  readonly message: { readonly ko: string; readonly en: string };
  readonly source: string;
  /** Only on a finding of a session without a date. */
  readonly timing?: FindingTiming;
}

interface Context {
  readonly patient: PatientIntake;
  /** The day the session is checked on. */
  readonly date: string;
  /** True only for a dated session: the conditions about this trip's departure (downtime, days left) are for
   * the scheduler and the dated plan; an undated session is placed by the scheduler with them in mind, and a next
   * visit has a departure of its own. */
  readonly inStay: boolean;
  readonly treatment: Treatment;
  readonly sessions: readonly PlannedSession[];
}

const isDateAnswer = (value: string | null): value is string => value !== null && value !== DATE_NOT_ASKED && isCalendarDate(value);

function holds(condition: Condition, context: Context): boolean {
  const { patient, treatment } = context;
  if ('answer' in condition) return patient.screening[condition.answer] === condition.is;
  if ('withinDaysBeforeSession' in condition) {
    const last = patient.screening[condition.withinDaysBeforeSession];
    if (!isDateAnswer(last)) return false;
    const days = daysBetween(last, context.date);
    return days >= 0 && days < condition.days;
  }
  if ('anyUnanswered' in condition) {
    return condition.anyUnanswered.some((question) => {
      const value = patient.screening[question];
      return value === null ? !isDateQuestion(question) : value === DATE_NOT_ASKED;
    });
  }
  if ('medicationsMention' in condition) {
    const said = foldedMedications(patient.screening.medications);
    return said !== '' && foldedNames(condition.medicationsMention).some((name) => said.includes(name));
  }
  if ('anaesthesia' in condition) return condition.anaesthesia.includes(treatment.anaesthesia.value);
  if ('sex' in condition) return patient.sex === condition.sex;
  if ('allergy' in condition) return patient.screening.allergies.items.includes(condition.allergy);
  if ('fitzpatrickAtLeast' in condition) return (patient.skin.fitzpatrick ?? 0) >= condition.fitzpatrickAtLeast;
  if ('fitzpatrickUnknown' in condition) return patient.skin.fitzpatrick === null;
  if ('concern' in condition) return patient.skin.concerns.includes(condition.concern);
  if ('sessionsOfTreatmentAtLeast' in condition) {
    return context.sessions.filter((other) => other.treatment === condition.sessionsOfTreatmentAtLeast).length >= condition.count;
  }
  if ('downtimeEndsAfterDeparture' in condition) {
    return context.inStay && daysBetween(context.date, patient.trip.departure) < treatment.downtimeDays.value.max;
  }
  if ('daysBeforeDepartureLessThan' in condition) {
    return context.inStay && daysBetween(context.date, patient.trip.departure) < condition.daysBeforeDepartureLessThan;
  }
  if ('all' in condition) return condition.all.every((part) => holds(part, context));
  if ('any' in condition) return condition.any.some((part) => holds(part, context));
  return !holds(condition.not, context);
}

// A rule's drug names and a patient's medicines are folded once, not on every day an undated session is tried:
// the name lists run to a hundred entries in several scripts.
const foldedNamesCache = new WeakMap<readonly string[], readonly string[]>();
function foldedNames(names: readonly string[]): readonly string[] {
  let folded = foldedNamesCache.get(names);
  if (folded === undefined) {
    folded = names.map(foldForSearch);
    foldedNamesCache.set(names, folded);
  }
  return folded;
}
let lastMedications: { readonly text: string; readonly folded: string } = { text: '', folded: '' };
function foldedMedications(text: string): string {
  if (text !== lastMedications.text) lastMedications = { text, folded: foldForSearch(text) };
  return lastMedications.folded;
}

const DATE_QUESTIONS = new Set(['isotretinoinLastDose', 'retinoidLastUse', 'lastSunExposure', 'recentFillerOrToxin']);
const isDateQuestion = (question: string) => DATE_QUESTIONS.has(question);

const dependsOnDateCache = new WeakMap<Condition, boolean>();

/** Whether a condition reads a screening date against the session's date (a date rule: isotretinoin, retinoid, sun,
 * filler or toxin), and so must be tried on every day an undated session can take. */
export function dependsOnScreeningDate(condition: Condition): boolean {
  let known = dependsOnDateCache.get(condition);
  if (known === undefined) {
    if ('withinDaysBeforeSession' in condition) known = true;
    else if ('all' in condition) known = condition.all.some(dependsOnScreeningDate);
    else if ('any' in condition) known = condition.any.some(dependsOnScreeningDate);
    else if ('not' in condition) known = dependsOnScreeningDate(condition.not);
    else known = false;
    dependsOnDateCache.set(condition, known);
  }
  return known;
}

export function ruleAppliesTo(rule: Rule, treatment: Treatment): boolean {
  const { treatments, categories, tags } = rule.appliesTo;
  return treatments.includes(treatment.id) || categories.includes(treatment.category) || tags.some((tag) => treatment.tags.includes(tag));
}

/** How far past the flight home a next visit's date-bound rule is followed to its first free day. */
const NEXT_VISIT_HORIZON_DAYS = 3 * 366;

/** Whether the rule fires for a session of this timing, and how (null: it does not). */
function evaluate(rule: Rule, timing: SessionTiming, base: Omit<Context, 'date' | 'inStay'>): { timing?: FindingTiming } | null {
  const at = (date: string, inStay: boolean) => holds(rule.when, { ...base, date, inStay });
  if (timing.kind === 'dated') return at(timing.date, true) ? {} : null;
  const dateBound = dependsOnScreeningDate(rule.when);
  if (timing.kind === 'undated') {
    if (!dateBound) return at(timing.from, false) ? { timing: { kind: 'undated', firesFrom: timing.from, firesTo: timing.to } } : null;
    let first: string | null = null;
    let last: string | null = null;
    for (let day = timing.from; day <= timing.to; day = addDays(day, 1)) {
      if (!at(day, false)) continue;
      first ??= day;
      last = day;
    }
    return first === null ? null : { timing: { kind: 'undated', firesFrom: first, firesTo: last! } };
  }
  if (!at(timing.from, false)) return null;
  if (!dateBound) return { timing: { kind: 'next-visit', notBefore: null } };
  for (let offset = 1; offset <= NEXT_VISIT_HORIZON_DAYS; offset++) {
    const day = addDays(timing.from, offset);
    if (!at(day, false)) return { timing: { kind: 'next-visit', notBefore: day } };
  }
  return { timing: { kind: 'next-visit', notBefore: null } };
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

/** Findings for every session, most severe first, then by date and treatment. `today` (Korea) bounds the days an
 * undated session can still take. Identical findings of several undated sessions are listed once. */
export function checkPlan(
  patient: PatientIntake,
  plan: readonly PlannedSession[],
  catalog: Catalog,
  rules: readonly Rule[],
  today: string,
): Finding[] {
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const sessions = plannedSessions(plan);
  for (const session of sessions) {
    const treatment = byId.get(session.treatment);
    if (!treatment) continue;
    const timing = sessionTiming(session, patient.trip, today);
    for (const rule of rules) {
      if (!ruleAppliesTo(rule, treatment)) continue;
      const fired = evaluate(rule, timing, { patient, treatment, sessions });
      if (!fired) continue;
      const finding: Finding = {
        rule: rule.id,
        severity: rule.severity,
        treatment: treatment.id,
        date: session.date,
        ...(session.id === undefined ? {} : { session: session.id }),
        message: rule.message,
        source: rule.source,
        ...fired,
      };
      const key = JSON.stringify([finding.rule, finding.treatment, finding.date, finding.timing ?? null]);
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return findings.sort(byFindingOrder);
}
