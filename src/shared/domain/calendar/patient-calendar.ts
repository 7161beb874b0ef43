// One patient's calendar: the dated sessions of the plan (on the clinic's Korean clock) and the follow-ups after
// the flight home (instants already fixed on the patient's clock). Every event is an instant in UTC with a length,
// so whichever calendar imports it shows it right in its own zone. Pure: the .ics text is written elsewhere.
import { fromZonedTime } from 'date-fns-tz';
import { CLINIC_TIME_ZONE } from '../intake/calendar-date';

/** Sessions without a time are put at the clinic's opening, 10:00 Korea time. */
export const DEFAULT_SESSION_TIME = '10:00';
export const FOLLOW_UP_MINUTES = 15;

export interface CalendarSession {
  /** The session's id in the plan: its event's UID, so a moved session updates its event. */
  readonly id?: string | undefined;
  /** "YYYY-MM-DD" in Korea; null when not scheduled yet (left out of the calendar). */
  readonly date: string | null;
  /** "HH:MM" in Korea. */
  readonly time?: string | undefined;
  readonly treatmentName: string;
  readonly minutes: number;
}

export interface CalendarFollowUp {
  readonly id: string;
  readonly step: string;
  /** UTC ISO instant. */
  readonly dueAt: string;
}

export interface PatientCalendarInput {
  readonly patientId: string;
  readonly names: { readonly native: string; readonly latin: string };
  readonly clinicName: string;
  readonly sessions: readonly CalendarSession[];
  readonly followUps: readonly CalendarFollowUp[];
}

export interface CalendarEvent {
  readonly uid: string;
  readonly kind: 'session' | 'follow-up';
  readonly title: string;
  /** UTC ISO instant. */
  readonly start: string;
  readonly minutes: number;
  readonly location?: string;
}

/** A Korean wall-clock date and time as a UTC instant (ISO). */
export function koreaInstant(date: string, time: string): string {
  return fromZonedTime(`${date}T${time}:00`, CLINIC_TIME_ZONE).toISOString();
}

export function patientCalendar(input: PatientCalendarInput): CalendarEvent[] {
  const latin = input.names.latin;
  // A session's UID is its id (or, without one, its place in the plan), so the same plan exported twice updates
  // the same events.
  const sessions = input.sessions.flatMap((session, index): CalendarEvent[] =>
    session.date === null
      ? []
      : [
          {
            uid: `${input.patientId}-${session.id ?? index}@clinicdesk`,
            kind: 'session',
            title: `${session.treatmentName} — ${latin}`,
            start: koreaInstant(session.date, session.time ?? DEFAULT_SESSION_TIME),
            minutes: session.minutes,
            location: input.clinicName,
          },
        ],
  );
  const followUps = input.followUps.map((followUp): CalendarEvent => ({
    uid: `${followUp.id}@clinicdesk`,
    kind: 'follow-up',
    title: `Follow-up ${followUp.step} — ${latin}`,
    start: new Date(followUp.dueAt).toISOString(),
    minutes: FOLLOW_UP_MINUTES,
  }));
  return [...sessions, ...followUps].sort((a, b) => a.start.localeCompare(b.start));
}
