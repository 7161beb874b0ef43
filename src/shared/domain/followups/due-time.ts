// When a follow-up falls due: a calendar offset from the day the patient flew home (day 3, week 2, month 1...),
// at a set hour on the patient's own clock, in the patient's home time zone; shown to the coordinator in Korea
// time. date-fns-tz turns a wall-clock time in a zone into an instant, across daylight-saving changes.
import { formatInTimeZone, fromZonedTime, getTimezoneOffset } from 'date-fns-tz';
import { addDays } from '../intake/calendar-date';
import { CLINIC_TIME_ZONE } from '../intake/calendar-date';

export interface FollowUpOffset {
  readonly days?: number;
  readonly months?: number;
}

/** Adds calendar months to a date, keeping the day or clamping to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The patient's local calendar date of a follow-up. */
export function dueLocalDate(departure: string, offset: FollowUpOffset): string {
  return addDays(addMonths(departure, offset.months ?? 0), offset.days ?? 0);
}

/** The instant (UTC, ISO) a follow-up is due: `localTime` ("10:00") on the patient's clock on its due date. */
export function dueInstant(departure: string, offset: FollowUpOffset, homeTimeZone: string, localTime = '10:00'): string {
  const local = `${dueLocalDate(departure, offset)}T${localTime}:00`;
  const instant = fromZonedTime(local, homeTimeZone);
  if (formatInTimeZone(instant, homeTimeZone, "yyyy-MM-dd'T'HH:mm:ss") === local) return instant.toISOString();
  // The wall-clock time does not exist (clocks jumped forward over it); date-fns-tz then lands before the jump.
  // A reminder is better late than early: move it forward by the size of the jump.
  const jump =
    getTimezoneOffset(homeTimeZone, new Date(instant.getTime() + 86_400_000)) -
    getTimezoneOffset(homeTimeZone, new Date(instant.getTime() - 86_400_000));
  return new Date(instant.getTime() + jump).toISOString();
}

// One Intl formatter per zone, made once and read by parts: formatInTimeZone took about 30 µs a call, which set the
// due list's time (500 rows, each shown in Korea time). The test holds the two equal across zones and centuries.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** The same instant on a clock in another zone, "YYYY-MM-DD HH:mm": Korea time for the coordinator by default. */
export function wallClock(instant: string, timeZone: string = CLINIC_TIME_ZONE): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid time value: ${instant}`);
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of wallClockFormat(timeZone).formatToParts(date)) part[type] = value;
  return `${part.year!.padStart(4, '0')}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

export const FOLLOW_UP_STATES = ['upcoming', 'due', 'overdue', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** A follow-up not answered two days after it fell due is overdue. */
export const OVERDUE_AFTER_HOURS = 48;

export function followUpState(dueAt: string, now: Date, done: boolean): FollowUpState {
  if (done) return 'done';
  const elapsed = now.getTime() - Date.parse(dueAt);
  if (elapsed < 0) return 'upcoming';
  return elapsed < OVERDUE_AFTER_HOURS * 3_600_000 ? 'due' : 'overdue';
}
