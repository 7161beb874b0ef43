// Channels of the clinic's reports: the KHIDI annual foreign-patient report (as data for the screen and as an
// .xlsx file) and the coordinator's numbers for a date range.
import { z } from 'zod';
import { channel } from './define-channel';
import { daysBetween } from '../domain/intake/calendar-date';
import { calendarDateSchema } from '../domain/intake/patient-schema';
import type { KhidiReport } from '../domain/reports/khidi-report';
import type { ReportSummary } from '../domain/reports/summary';

/** The longest range the summary covers in one call: two years, so "this year against last" fits. */
export const MAX_SUMMARY_RANGE_DAYS = 731;

const year = z.int('invalid_type').min(2000, 'invalid').max(2100, 'invalid');

const summaryRange = z.strictObject({ from: calendarDateSchema, to: calendarDateSchema }).superRefine(({ from, to }, context) => {
  const days = daysBetween(from, to);
  if (days < 0 || days >= MAX_SUMMARY_RANGE_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: 'invalid' });
});

/** The report as the screen shows it: the first `limit` lines and gaps, with the totals. The spreadsheet
 * (exportKhidiReport) always holds every line; a year of tens of thousands of patients need not cross the door. */
export interface KhidiReportView extends KhidiReport {
  readonly totalPatients: number;
  readonly totalWithGaps: number;
}

export interface KhidiWorkbookFile {
  readonly fileName: string;
  /** The .xlsx bytes, base64: every door carries JSON. */
  readonly dataBase64: string;
  readonly patients: number;
  readonly withGaps: number;
}

export const reportsChannels = {
  getKhidiReport: channel<KhidiReportView>()(
    z.strictObject({ year, limit: z.int('invalid_type').min(1, 'invalid').max(5000, 'too_many').default(500) }),
  ),
  exportKhidiReport: channel<KhidiWorkbookFile>()(z.strictObject({ year })),
  getReportSummary: channel<ReportSummary>()(summaryRange),
};
