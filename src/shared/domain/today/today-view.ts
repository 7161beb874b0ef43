// What the desk needs to know this morning, decided once for the Today screen (and anything else that lists the
// day): who lands and who flies home today and tomorrow, today's sessions in time order with their room and doctor,
// the follow-ups due now, and what would stop a session of today from going ahead (a block no doctor has
// acknowledged, a treatment without a price). Pure: the service gathers the pieces, this orders and judges them.
import type { TreatmentId } from '../catalog/catalog-schema';
import type { SessionStatus } from '../plan/plan-schema';

export interface TodayTraveller {
  readonly id: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly nationality: string;
  readonly arrival: string;
  readonly departure: string;
}

export interface TodaySessionInput {
  readonly patientId: string;
  readonly nativeName: string;
  readonly latinName: string;
  readonly sessionId: string;
  readonly index: number;
  readonly version: number;
  readonly treatment: TreatmentId;
  readonly date: string;
  /** Korea time "HH:MM", or null when the plan has no time for it. */
  readonly time: string | null;
  readonly minutes: number;
  readonly room: string | null;
  readonly status: SessionStatus;
  /** The doctor who did it, once it is done (the record's name). */
  readonly doctor: string | null;
  readonly findings: readonly TodayFinding[];
}

export interface TodayFinding {
  readonly rule: string;
  readonly severity: 'caution' | 'block';
  /** The rule's own words, in Korean and English, as the plan screen shows them. */
  readonly message: { readonly ko: string; readonly en: string };
  readonly acknowledgedBy: string | null;
}

/** Why a session of today cannot go ahead as it stands: each is resolved on the patient's plan. */
export type TodayBlocker =
  | { readonly kind: 'unacknowledged_block'; readonly rule: string; readonly message: TodayFinding['message'] }
  | { readonly kind: 'missing_price'; readonly treatment: TreatmentId };

export interface TodaySession extends TodaySessionInput {
  readonly blockers: readonly TodayBlocker[];
}

export interface TodayFollowUpInput {
  readonly id: string;
  readonly patientId: string;
  readonly dueAt: string;
  readonly state: 'due' | 'overdue';
}

export interface TodayView<F extends TodayFollowUpInput = TodayFollowUpInput> {
  readonly today: string;
  readonly tomorrow: string;
  readonly arrivals: { readonly today: readonly TodayTraveller[]; readonly tomorrow: readonly TodayTraveller[] };
  readonly departures: { readonly today: readonly TodayTraveller[]; readonly tomorrow: readonly TodayTraveller[] };
  /** Today's sessions that happen (scheduled or done; a cancelled one is not on the day), by time, untimed last. */
  readonly sessions: readonly TodaySession[];
  /** Follow-ups due by now on the patients' own clocks, the longest overdue first. */
  readonly followUps: readonly F[];
  /** How many of today's scheduled sessions have a blocker: the number the screen leads with. */
  readonly blockedSessions: number;
}

export interface TodayInput<F extends TodayFollowUpInput> {
  readonly today: string;
  readonly tomorrow: string;
  readonly travellers: readonly TodayTraveller[];
  readonly sessions: readonly TodaySessionInput[];
  /** Whether the clinic has a price for a treatment (quote-view.ts's hasClinicPrice). */
  readonly hasPrice: (treatment: TreatmentId) => boolean;
  readonly followUps: readonly F[];
}

const byName = (a: TodayTraveller, b: TodayTraveller) => a.latinName.localeCompare(b.latinName) || a.id.localeCompare(b.id);

/** Untimed sessions last: they still need a time, and a time-ordered list should not open with them. */
const byTime = (a: TodaySessionInput, b: TodaySessionInput) =>
  (a.time ?? '99:99').localeCompare(b.time ?? '99:99') ||
  (a.room ?? '').localeCompare(b.room ?? '') ||
  a.latinName.localeCompare(b.latinName) ||
  a.index - b.index;

/** What stops a scheduled session: a done one already happened, so nothing blocks it any more. */
export function sessionBlockers(session: TodaySessionInput, hasPrice: (treatment: TreatmentId) => boolean): TodayBlocker[] {
  if (session.status !== 'scheduled') return [];
  const blocks = session.findings
    .filter((finding) => finding.severity === 'block' && finding.acknowledgedBy === null)
    .map((finding): TodayBlocker => ({ kind: 'unacknowledged_block', rule: finding.rule, message: finding.message }));
  const price: TodayBlocker[] = !hasPrice(session.treatment) ? [{ kind: 'missing_price', treatment: session.treatment }] : [];
  return [...blocks, ...price];
}

export function buildTodayView<F extends TodayFollowUpInput>(input: TodayInput<F>): TodayView<F> {
  const on = (date: string, field: 'arrival' | 'departure') =>
    input.travellers.filter((traveller) => traveller[field] === date).sort(byName);
  const sessions = input.sessions
    .filter((session) => session.date === input.today && session.status !== 'cancelled')
    .map((session) => ({ ...session, blockers: sessionBlockers(session, input.hasPrice) }))
    .sort(byTime);
  return {
    today: input.today,
    tomorrow: input.tomorrow,
    arrivals: { today: on(input.today, 'arrival'), tomorrow: on(input.tomorrow, 'arrival') },
    departures: { today: on(input.today, 'departure'), tomorrow: on(input.tomorrow, 'departure') },
    sessions,
    followUps: [...input.followUps].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id)),
    blockedSessions: sessions.filter((session) => session.blockers.length > 0).length,
  };
}
