// The coordinator's numbers for a date range, from counts the database already grouped (reports repository):
// patients by nationality, preferred language and referral route; sessions done, moved, no-show; follow-ups due,
// done and overdue; revenue in KRW by treatment, priced as the quote prices a plan's line. Pure, so it is
// tested without a database and the same whether 10 or 100,000 patients were counted.
import type { ReferralRoute } from '../intake/vocabulary';
import { buildQuote } from '../money/quote';
import type { TreatmentId } from '../catalog/catalog-schema';
import type { ClinicSettings } from '../settings/clinic-settings';

/** One group of patients seen in the range with the same nationality, first language and referral route. */
export interface PatientGroupCount {
  readonly nationality: string;
  readonly language: string;
  readonly route: ReferralRoute | null;
  readonly patients: number;
}

export interface SessionStatusCount {
  readonly status: string;
  readonly sessions: number;
  readonly moved: number;
}

export interface FollowUpCounts {
  readonly due: number;
  readonly done: number;
  readonly overdue: number;
}

/** Done sessions grouped by how their plan line is priced. */
export interface DoneSessionGroup {
  readonly treatment: TreatmentId;
  readonly discountPercent: number;
  readonly lineSessions: number;
  readonly sessions: number;
}

export interface CountRow {
  /** A nationality code, a language tag, a referral route, or '' for "not recorded". */
  readonly key: string;
  readonly patients: number;
}

export interface RevenueRow {
  readonly treatment: TreatmentId;
  readonly sessions: number;
  /** null when the clinic has no price for the treatment: shown as "price not set", never as 0. */
  readonly revenueKrw: number | null;
}

export interface ReportSummary {
  readonly from: string;
  readonly to: string;
  readonly patients: number;
  readonly byNationality: readonly CountRow[];
  readonly byLanguage: readonly CountRow[];
  readonly byReferral: readonly CountRow[];
  readonly sessions: {
    readonly done: number;
    readonly moved: number;
    readonly noShow: number;
    readonly cancelled: number;
    readonly scheduled: number;
  };
  readonly followUps: FollowUpCounts;
  readonly revenue: readonly RevenueRow[];
  readonly revenueTotalKrw: number;
}

/** Most first, then by key, so the tables and charts are stable. */
function countBy(groups: readonly PatientGroupCount[], keyOf: (group: PatientGroupCount) => string): CountRow[] {
  const counts = new Map<string, number>();
  for (const group of groups) counts.set(keyOf(group), (counts.get(keyOf(group)) ?? 0) + group.patients);
  return [...counts].map(([key, patients]) => ({ key, patients })).sort((a, b) => b.patients - a.patients || a.key.localeCompare(b.key));
}

/** What `sessions` done sessions of a line of `lineSessions` bring: the quoted line net, spread evenly over its
 * sessions (a package or discount lowers each one alike). */
export function revenueOf(group: DoneSessionGroup, settings: ClinicSettings): number | null {
  const unitKrw = settings.prices[group.treatment];
  if (unitKrw === undefined) return null;
  const offer = settings.packages.find((candidate) => candidate.treatment === group.treatment);
  const line = {
    treatment: group.treatment,
    sessions: group.lineSessions,
    unitKrw,
    discountPercent: group.discountPercent,
    package: offer,
  };
  const quote = buildQuote([line], settings.vat, 'KRW', null, '2000-01-01');
  return Math.round((quote.lines[0]!.netKrw * group.sessions) / Math.max(1, group.lineSessions));
}

export function summarize(input: {
  readonly from: string;
  readonly to: string;
  readonly groups: readonly PatientGroupCount[];
  readonly sessions: readonly SessionStatusCount[];
  readonly followUps: FollowUpCounts;
  readonly done: readonly DoneSessionGroup[];
  readonly settings: ClinicSettings;
}): ReportSummary {
  const status = (name: string) => input.sessions.find((row) => row.status === name)?.sessions ?? 0;
  const revenueByTreatment = new Map<TreatmentId, { sessions: number; revenueKrw: number | null }>();
  for (const group of input.done) {
    const earned = revenueOf(group, input.settings);
    const before = revenueByTreatment.get(group.treatment) ?? { sessions: 0, revenueKrw: earned === null ? null : 0 };
    revenueByTreatment.set(group.treatment, {
      sessions: before.sessions + group.sessions,
      revenueKrw: before.revenueKrw === null || earned === null ? null : before.revenueKrw + earned,
    });
  }
  const revenue = [...revenueByTreatment]
    .map(([treatment, row]) => ({ treatment, ...row }))
    .sort((a, b) => (b.revenueKrw ?? -1) - (a.revenueKrw ?? -1) || a.treatment.localeCompare(b.treatment));
  return {
    from: input.from,
    to: input.to,
    patients: input.groups.reduce((sum, group) => sum + group.patients, 0),
    byNationality: countBy(input.groups, (group) => group.nationality),
    byLanguage: countBy(input.groups, (group) => group.language),
    byReferral: countBy(input.groups, (group) => group.route ?? ''),
    sessions: {
      done: status('done'),
      moved: input.sessions.reduce((sum, row) => sum + row.moved, 0),
      noShow: status('no_show'),
      cancelled: status('cancelled'),
      scheduled: status('scheduled'),
    },
    followUps: input.followUps,
    revenue,
    revenueTotalKrw: revenue.reduce((sum, row) => sum + (row.revenueKrw ?? 0), 0),
  };
}
