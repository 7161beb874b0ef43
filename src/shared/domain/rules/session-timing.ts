// When a planned session can take place, as the rules must see it. A dated session is checked on its date. A
// session of this trip without a date could still fall on any day left of the stay, so it is checked on each of
// them; a session moved to a next visit falls on some day after the flight home. Nothing is exempt because a date
// is missing: that was how a session moved to a next visit once passed the isotretinoin rule in silence.
import { addDays } from '../intake/calendar-date';

export type SessionTiming =
  /** On this date. */
  | { readonly kind: 'dated'; readonly date: string }
  /** This trip, no date yet: any day from `from` to `to` (both included). */
  | { readonly kind: 'undated'; readonly from: string; readonly to: string }
  /** A next visit: on `from` (the day of the flight home, or today if later) or any day after it. */
  | { readonly kind: 'next-visit'; readonly from: string };

export interface TimedSession {
  readonly date: string | null;
  /** Moved to a next visit (by the scheduler or the coordinator). Omitted: this trip. */
  readonly nextVisit?: boolean | undefined;
}

/** The first day the undated sessions of this trip can still take: today or arrival, whichever is later. */
export function firstOpenDay(trip: { readonly arrival: string }, today: string): string {
  return today > trip.arrival ? today : trip.arrival;
}

export function sessionTiming(
  session: TimedSession,
  trip: { readonly arrival: string; readonly departure: string },
  today: string,
): SessionTiming {
  if (session.date !== null) return { kind: 'dated', date: session.date };
  const from = firstOpenDay(trip, today);
  const to = addDays(trip.departure, -1);
  // A trip with no day left (the patient has gone home, or leaves today) has only next visits.
  if (session.nextVisit === true || from > to) return { kind: 'next-visit', from: today > trip.departure ? today : trip.departure };
  return { kind: 'undated', from, to };
}
