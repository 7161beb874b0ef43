// Whether a session may be marked done: the one policy every door and screen asks. A session is done in the past,
// never the future: not before its date (and its time, where it has one) has come in Korea, and never without a
// date. Later checks (a signed consent, a deposit) join here so no door can skip them.
import { CLINIC_TIME_ZONE, todayIn } from '../intake/calendar-date';

export type DoneRefusal = 'session_not_dated' | 'session_in_future';

const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: CLINIC_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** HH:MM in Korea at `now`. */
export function koreaClock(now: Date): string {
  return clockFormat.format(now);
}

/** Why this session cannot be marked done at `now`, or null when it can. */
export function whyNotDone(session: { readonly date: string | null; readonly time?: string | undefined }, now: Date): DoneRefusal | null {
  if (session.date === null) return 'session_not_dated';
  const today = todayIn(CLINIC_TIME_ZONE, now);
  if (session.date > today) return 'session_in_future';
  if (session.date === today && session.time !== undefined && session.time > koreaClock(now)) return 'session_in_future';
  return null;
}
