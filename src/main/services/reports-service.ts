// The clinic's reports: the KHIDI annual foreign-patient report (data and .xlsx) and the coordinator's numbers for
// a date range. The repository counts, the pure domain shapes (shared/domain/reports), this file only wires them
// with "today", the clinic's prices and the catalog.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import { OVERDUE_AFTER_HOURS } from '../../shared/domain/followups/due-time';
import { buildKhidiReport, type KhidiReport } from '../../shared/domain/reports/khidi-report';
import { summarize } from '../../shared/domain/reports/summary';
import { clinicalContent } from '../content/clinical-content';
import { writeKhidiWorkbook } from '../reports/khidi-workbook';
import { clinicSettingsOf } from './plan-service';
import type { ServiceContext } from './service-context';

export function createReportsService(context: ServiceContext) {
  const today = () => todayIn(CLINIC_TIME_ZONE, context.now());
  const khidi = async (year: number): Promise<KhidiReport> => {
    const { patients, visits, followUps } = await context.store.read((tx) =>
      tx.reports.khidiRows({ from: `${year}-01-01`, to: `${year}-12-31`, today: today() }),
    );
    return buildKhidiReport(year, patients, visits, followUps);
  };

  const handlers = {
    async getKhidiReport({ year, limit }) {
      const report = await khidi(year);
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
      const report = await khidi(year);
      const data = await writeKhidiWorkbook(report, clinicalContent().catalog, context.now());
      return ok({
        fileName: `khidi-foreign-patients-${year}.xlsx`,
        dataBase64: data.toString('base64'),
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
