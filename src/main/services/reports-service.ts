// The clinic's reports: the KHIDI annual foreign-patient report (data and .xlsx) and the coordinator's numbers for
// a date range. The repository counts, the pure domain shapes (shared/domain/reports), this file only wires them
// with "today", the clinic's prices and the catalog.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import { OVERDUE_AFTER_HOURS } from '../../shared/domain/followups/due-time';
import { summarize } from '../../shared/domain/reports/summary';
import { clinicSettingsOf } from './plan-service';
import type { ServiceContext } from './service-context';

export function createReportsService(context: ServiceContext) {
  const today = () => todayIn(CLINIC_TIME_ZONE, context.now());
  // Built off the main thread where the door asked (a year of 100,000 patients takes seconds), else here.
  const khidi = (year: number, workbookAt: string | null) => {
    const request = { year, today: today(), workbookAt };
    return context.runKhidi(request, () =>
      context.store.read((tx) => tx.reports.khidiRows({ from: `${year}-01-01`, to: `${year}-12-31`, today: request.today })),
    );
  };

  const handlers = {
    async getKhidiReport({ year, limit }) {
      const built = await khidi(year, null);
      if (!built.ok) return { ok: false, error: built.error };
      const { report } = built.value;
      return ok({
        year,
        patients: report.patients.slice(0, limit),
        withGaps: report.withGaps.slice(0, limit),
        totalPatients: report.patients.length,
        totalWithGaps: report.withGaps.length,
      });
    },

    async exportKhidiReport({ year }) {
      // Read, then the workbook written outside the snapshot.
      const built = await khidi(year, context.now().toISOString());
      if (!built.ok) return { ok: false, error: built.error };
      const { report, workbook } = built.value;
      return ok({
        fileName: `khidi-foreign-patients-${year}.xlsx`,
        dataBase64: Buffer.from(workbook!).toString('base64'),
        patients: report.patients.length,
        withGaps: report.withGaps.length,
      });
    },

    async getReportSummary({ from, to }) {
      const overdueBefore = new Date(context.now().getTime() - OVERDUE_AFTER_HOURS * 3_600_000).toISOString();
      const { counts, settings } = await context.store.read(async (tx) => ({
        counts: await tx.reports.summaryCounts({ from, to, today: today() }, overdueBefore),
        settings: await clinicSettingsOf(tx),
      }));
      return ok(summarize({ from, to, ...counts, settings }));
    },
  } satisfies Pick<Handlers, 'getKhidiReport' | 'exportKhidiReport' | 'getReportSummary'>;
  return handlers;
}
