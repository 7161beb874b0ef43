// The calendar channel: one patient's sessions and follow-ups as an .ics file.
import { z } from 'zod';
import { channel } from './define-channel';

export interface PatientCalendarFile {
  readonly fileName: string;
  /** iCalendar text (RFC 5545), every time in UTC. */
  readonly ics: string;
}

export const calendarChannels = {
  exportPatientCalendar: channel<PatientCalendarFile>()(z.strictObject({ patientId: z.uuid('invalid') })),
};
