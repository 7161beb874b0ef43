// Which sessions of a plan count for what, decided once: the screen, the quote, every handout, the checks, the
// week and the reports all ask here, so a plan never has one count on screen and another on paper.
// - this trip: sessions during the stay (dated, or waiting for the scheduler), billed in this trip's total;
// - next visit: sessions after the flight home (`nextVisit`), quoted apart as an estimate, checked by the rules
//   against the days after the flight;
// - cancelled: shown as cancelled, never billed, never checked (no interval, no rule), never on a patient's sheet.
import type { TreatmentId } from '../catalog/catalog-schema';
import type { SessionStatus } from './plan-schema';

export type PlanPart = 'thisTrip' | 'nextVisit' | 'cancelled';

/** The fields of a session the parts are decided by. */
export interface PartedSession {
  readonly treatment: TreatmentId;
  readonly status?: SessionStatus | undefined;
  readonly nextVisit?: boolean | undefined;
}

/** A cancelled session is cancelled wherever it was planned. */
export const partOf = (session: PartedSession): PlanPart =>
  session.status === 'cancelled' ? 'cancelled' : session.nextVisit === true ? 'nextVisit' : 'thisTrip';

export interface PlanParts<T> {
  readonly thisTrip: readonly T[];
  readonly nextVisit: readonly T[];
  readonly cancelled: readonly T[];
}

/** The plan's sessions split into its three parts, each in plan order. */
export function planParts<T extends PartedSession>(sessions: readonly T[]): PlanParts<T> {
  const parts = { thisTrip: [] as T[], nextVisit: [] as T[], cancelled: [] as T[] };
  for (const session of sessions) parts[partOf(session)].push(session);
  return parts;
}

/** The sessions that will happen, this trip or at a next visit: what the consent covers, the rules check and the
 * patient's sheets list. */
export const plannedSessions = <T extends PartedSession>(sessions: readonly T[]): T[] =>
  sessions.filter((session) => partOf(session) !== 'cancelled');

/** The treatments of the sessions that will happen, in the order they first appear. */
export const plannedTreatments = (sessions: readonly PartedSession[]): TreatmentId[] => [
  ...new Set(plannedSessions(sessions).map((session) => session.treatment)),
];

export interface PartCounts {
  readonly thisTrip: number;
  readonly nextVisit: number;
  readonly cancelled: number;
}

/** How many sessions each part holds, of one treatment or (without one) of the whole plan. */
export function partCounts(sessions: readonly PartedSession[], treatment?: TreatmentId): PartCounts {
  const counts = { thisTrip: 0, nextVisit: 0, cancelled: 0 };
  for (const session of sessions) if (treatment === undefined || session.treatment === treatment) counts[partOf(session)]++;
  return counts;
}
