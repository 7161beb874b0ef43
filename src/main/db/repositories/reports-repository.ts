// All SQL of the reports: the database groups and counts (over the plan_sessions and followups indexes of
// migration 0008), so a year of 100,000 patients comes back as a few hundred rows for the domain to shape.
import type { Db } from '../open-database';
import type { KhidiPatientRow, KhidiVisitRow } from '../../../shared/domain/reports/khidi-report';
import type { DoneSessionGroup, FollowUpCounts, PatientGroupCount, SessionStatusCount } from '../../../shared/domain/reports/summary';

/** A session that counts as a visit: done, or still "scheduled" on a day already past (see khidi-report.ts); never a
 * session in the future, whatever its status says (a plan from before sessions could only be done in the past). */
const VISIT = `(s.status IN ('done', 'scheduled') AND s.date <= :today)`;

/** Exported so the benchmark can time the bare SQL as the floor of the summary service. Each names the index of
 * migration 0008 it is written for (INDEXED BY): the planner, without ANALYZE statistics, would otherwise take the
 * date index and sort a year of rows for the GROUP BY, several times slower at 100,000 patients a year. */
export const REPORT_SQL = {
  // Patients with a visit in the range, grouped by what the dashboard counts them by, in the index's order.
  patientGroups: `SELECT p.nationality, coalesce(json_extract(p.languages_json, '$[0]'), '') AS language, p.referral_route AS route,
      count(*) AS patients
    FROM patients p INDEXED BY patients_by_report_group
    WHERE EXISTS (SELECT 1 FROM plan_sessions s INDEXED BY plan_sessions_by_patient_date
      WHERE s.patient_seq = p.seq AND s.date BETWEEN :from AND :to AND ${VISIT})
    GROUP BY p.nationality, json_extract(p.languages_json, '$[0]'), p.referral_route`,
  sessionStatuses: `SELECT s.status, count(*) AS sessions, sum(s.moved) AS moved
    FROM plan_sessions s INDEXED BY plan_sessions_by_status
    WHERE s.date BETWEEN :from AND :to AND (s.status = 'scheduled' OR s.date <= :today) GROUP BY s.status`,
  // Follow-ups falling due on days of the range, on the patient's own calendar; overdue: open 48 h after due.
  followUps: `SELECT count(*) AS due, count(done_at) AS done,
      coalesce(sum(done_at IS NULL AND due_at < :overdueBefore), 0) AS overdue
    FROM followups WHERE local_date BETWEEN :from AND :to`,
  doneGroups: `SELECT s.treatment, s.discount_percent AS discountPercent, s.line_sessions AS lineSessions, count(*) AS sessions
    FROM plan_sessions s INDEXED BY plan_sessions_done_by_line
    WHERE s.status = 'done' AND s.date BETWEEN :from AND :to AND s.date <= :today
    GROUP BY s.treatment, s.discount_percent, s.line_sessions`,
} as const;

// The KHIDI year in three reads, each from an index: the visits (covering), the patients seen (each row read once,
// not once per session), and their follow-ups. The domain joins them by patient seq.
const KHIDI_SQL = {
  visits: `SELECT s.patient_seq AS patientSeq, s.treatment, s.date, s.status FROM plan_sessions s INDEXED BY plan_sessions_by_date
    WHERE s.date BETWEEN :from AND :to AND ${VISIT}`,
  patients: `SELECT p.seq, p.id AS patientId, p.native_name AS nativeName, p.latin_name AS latinName, p.nationality,
      p.birth_date AS birthDate, p.sex, p.referral_route AS referralRoute, p.referral_agency_name AS agencyName,
      p.referral_agency_registration AS agencyRegistration, p.referral_referrer AS referrer
    FROM patients p
    WHERE EXISTS (SELECT 1 FROM plan_sessions s INDEXED BY plan_sessions_by_patient_date
      WHERE s.patient_seq = p.seq AND s.date BETWEEN :from AND :to AND ${VISIT})`,
  followUps: `SELECT f.patient_seq AS seq, count(*) AS total, count(f.done_at) AS done FROM followups f
    WHERE f.patient_seq IN (SELECT s.patient_seq FROM plan_sessions s WHERE s.date BETWEEN :from AND :to AND ${VISIT})
    GROUP BY f.patient_seq`,
} as const;

export interface RangeQuery {
  readonly from: string;
  readonly to: string;
  /** Today in Korea time: a "scheduled" session after it is not a visit yet. */
  readonly today: string;
}

export function createReportsRepository(db: Db) {
  const statements = {
    patientGroups: db.prepare<RangeQuery, PatientGroupCount>(REPORT_SQL.patientGroups),
    sessionStatuses: db.prepare<RangeQuery, SessionStatusCount>(REPORT_SQL.sessionStatuses),
    followUps: db.prepare<{ from: string; to: string; overdueBefore: string }, FollowUpCounts>(REPORT_SQL.followUps),
    doneGroups: db.prepare<RangeQuery, DoneSessionGroup>(REPORT_SQL.doneGroups),
    khidiVisits: db.prepare<RangeQuery, KhidiVisitRow>(KHIDI_SQL.visits),
    khidiPatients: db.prepare<RangeQuery, KhidiPatientRow>(KHIDI_SQL.patients),
    khidiFollowUps: db.prepare<RangeQuery, { seq: number; total: number; done: number }>(KHIDI_SQL.followUps),
  };
  // Each report's queries run in one read transaction, so their counts agree with each other.
  const summaryCounts = db.transaction((range: RangeQuery, overdueBefore: string) => ({
    groups: statements.patientGroups.all(range),
    sessions: statements.sessionStatuses.all(range),
    followUps: statements.followUps.get({ from: range.from, to: range.to, overdueBefore })!,
    done: statements.doneGroups.all(range),
  }));
  const khidiRows = db.transaction((range: RangeQuery) => ({
    patients: statements.khidiPatients.all(range),
    visits: statements.khidiVisits.all(range),
    followUps: new Map(statements.khidiFollowUps.all(range).map((row) => [row.seq, { done: row.done, total: row.total }])),
  }));
  return {
    summaryCounts(range: RangeQuery, overdueBefore: string) {
      return summaryCounts(range, overdueBefore);
    },
    khidiRows(range: RangeQuery) {
      return khidiRows(range);
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
