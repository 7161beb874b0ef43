// Which sessions clash in time: one patient in two sessions at once, or two sessions (of any patients) in one room
// at once. Pure, so the week view's conflicts are unit-tested without a database. Intervals are half-open: a
// session ending at 11:00 and one starting at 11:00 touch and do not clash. A cancelled or missed session, or one
// with no time, takes no one's time and clashes with nothing.
import { minutesOf } from './clinic-hours';

export interface TimedSession {
  /** Unique among the sessions passed together (e.g. "patientId:index"). */
  readonly key: string;
  readonly patientId: string;
  readonly date: string;
  /** "HH:MM" Korea time, or null when not timed yet. */
  readonly time: string | null;
  readonly minutes: number;
  /** The room's name, or null when none is set. */
  readonly room: string | null;
  /** False for a cancelled or no-show session. */
  readonly occupies: boolean;
}

export interface SessionConflicts {
  /** Keys of the same patient's sessions that overlap this one. */
  readonly samePatient: readonly string[];
  /** Keys of other sessions (any patient) in the same room that overlap this one. */
  readonly sameRoom: readonly string[];
}

/** Whether [startA, startA + minutesA) and [startB, startB + minutesB) share any minute. */
export function intervalsOverlap(startA: number, minutesA: number, startB: number, minutesB: number): boolean {
  return startA < startB + minutesB && startB < startA + minutesA;
}

/** Room names are compared trimmed and case-insensitively ("Laser 1" is "laser 1"). */
export const roomKey = (room: string): string => room.trim().toLocaleLowerCase('en');

export function sessionConflicts(sessions: readonly TimedSession[]): ReadonlyMap<string, SessionConflicts> {
  const result = new Map<string, { samePatient: string[]; sameRoom: string[] }>();
  for (const session of sessions) result.set(session.key, { samePatient: [], sameRoom: [] });
  const byDay = new Map<string, TimedSession[]>();
  for (const session of sessions) {
    if (!session.occupies || session.time === null) continue;
    byDay.set(session.date, [...(byDay.get(session.date) ?? []), session]);
  }
  for (const day of byDay.values()) {
    for (let i = 0; i < day.length; i += 1) {
      for (let j = i + 1; j < day.length; j += 1) {
        const a = day[i]!;
        const b = day[j]!;
        if (!intervalsOverlap(minutesOf(a.time!), a.minutes, minutesOf(b.time!), b.minutes)) continue;
        if (a.patientId === b.patientId) {
          result.get(a.key)!.samePatient.push(b.key);
          result.get(b.key)!.samePatient.push(a.key);
        }
        if (a.room !== null && b.room !== null && roomKey(a.room) === roomKey(b.room)) {
          result.get(a.key)!.sameRoom.push(b.key);
          result.get(b.key)!.sameRoom.push(a.key);
        }
      }
    }
  }
  return result;
}
