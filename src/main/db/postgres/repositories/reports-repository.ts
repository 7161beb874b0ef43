// All SQL of the reports, on PostgreSQL: SQLite's REPORT_SQL and KHIDI_SQL (../../repositories/reports-repository.ts)
// translated statement by statement, with the same :named parameters (numbered by `named`). What changes:
// - json_extract(languages_json, '$[0]') is (languages_json::jsonb ->> 0) COLLATE "C", the expression migration
//   0008 indexes (patients_by_report_group);
// - counts and sums are cast to integer (pg returns bigint and numeric as strings); SQLite's sum over a boolean
//   is count(*) FILTER (WHERE ...);
// - INDEXED BY has no equivalent: PostgreSQL's planner has statistics, and picks among migration 0008's indexes;
// - each statement orders its rows as SQLite's forced index returns them (NULL first, as SQLite's index keeps it),
//   so both back ends hand the domain the same rows in the same order.
// The services read each report in one store.read(): a REPEATABLE READ snapshot, so the counts agree, as the SQLite
// repository's own read transaction makes them.
import type { KhidiPatientRow, KhidiVisitRow } from '../../../../shared/domain/reports/khidi-report';
import type { DoneSessionGroup, FollowUpCounts, PatientGroupCount, SessionStatusCount } from '../../../../shared/domain/reports/summary';
import type { RangeQuery, ReportsRepository } from '../../repositories/reports-repository';
import type { AsyncOf } from '../../store/async-of';
import { named, type PgSql } from '../pg-sql';

const VISIT = `(s.status IN ('done', 'scheduled') AND s.date <= :today)`;
const FIRST_LANGUAGE = `((p.languages_json::jsonb ->> 0) COLLATE "C")`;

export const POSTGRES_REPORT_SQL = {
  patientGroups: named<RangeQuery>(`SELECT p.nationality, coalesce(${FIRST_LANGUAGE}, '') AS language, p.referral_route AS route,
      count(*)::integer AS patients
    FROM patients p
    WHERE EXISTS (SELECT 1 FROM plan_sessions s
      WHERE s.patient_seq = p.seq AND s.date BETWEEN :from AND :to AND ${VISIT})
    GROUP BY p.nationality, ${FIRST_LANGUAGE}, p.referral_route
    ORDER BY p.nationality, ${FIRST_LANGUAGE} NULLS FIRST, p.referral_route NULLS FIRST`),
  sessionStatuses: named<RangeQuery>(`SELECT s.status, count(*)::integer AS sessions, sum(s.moved)::integer AS moved
    FROM plan_sessions s
    WHERE s.date BETWEEN :from AND :to AND (s.status = 'scheduled' OR s.date <= :today) GROUP BY s.status ORDER BY s.status`),
  followUps: named<{ from: string; to: string; overdueBefore: string }>(`SELECT count(*)::integer AS due,
      count(done_at)::integer AS done, count(*) FILTER (WHERE done_at IS NULL AND due_at < :overdueBefore)::integer AS overdue
    FROM followups WHERE local_date BETWEEN :from AND :to`),
  doneGroups: named<RangeQuery>(`SELECT s.treatment, s.discount_percent AS "discountPercent", s.line_sessions AS "lineSessions",
      count(*)::integer AS sessions
    FROM plan_sessions s
    WHERE s.status = 'done' AND s.date BETWEEN :from AND :to AND s.date <= :today
    GROUP BY s.treatment, s.discount_percent, s.line_sessions
    ORDER BY s.treatment, s.discount_percent, s.line_sessions`),
} as const;

const KHIDI_SQL = {
  visits: named<RangeQuery>(`SELECT s.patient_seq AS "patientSeq", s.treatment, s.date, s.status FROM plan_sessions s
    WHERE s.date BETWEEN :from AND :to AND ${VISIT}
    ORDER BY s.date, s.status, s.patient_seq, s.treatment`),
  patients: named<RangeQuery>(`SELECT p.seq, p.id AS "patientId", p.native_name AS "nativeName", p.latin_name AS "latinName",
      p.nationality, p.birth_date AS "birthDate", p.sex, p.referral_route AS "referralRoute", p.referral_agency_name AS "agencyName",
      p.referral_agency_registration AS "agencyRegistration", p.referral_referrer AS referrer
    FROM patients p
    WHERE EXISTS (SELECT 1 FROM plan_sessions s
      WHERE s.patient_seq = p.seq AND s.date BETWEEN :from AND :to AND ${VISIT})
    ORDER BY p.seq`),
  followUps: named<RangeQuery>(`SELECT f.patient_seq AS seq, count(*)::integer AS total, count(f.done_at)::integer AS done FROM followups f
    WHERE f.patient_seq IN (SELECT s.patient_seq FROM plan_sessions s WHERE s.date BETWEEN :from AND :to AND ${VISIT})
    GROUP BY f.patient_seq ORDER BY f.patient_seq`),
} as const;

export function createPgReportsRepository(sql: PgSql): AsyncOf<ReportsRepository> {
  const range = (query: RangeQuery): RangeQuery => ({ from: query.from, to: query.to, today: query.today });
  return {
    async summaryCounts(query, overdueBefore) {
      const params = range(query);
      const { patientGroups, sessionStatuses, followUps, doneGroups } = POSTGRES_REPORT_SQL;
      const groups = await sql.all<PatientGroupCount>(patientGroups.text, patientGroups.values(params));
      const sessions = await sql.all<SessionStatusCount>(sessionStatuses.text, sessionStatuses.values(params));
      const counts = await sql.one<FollowUpCounts>(followUps.text, followUps.values({ from: params.from, to: params.to, overdueBefore }));
      const done = await sql.all<DoneSessionGroup>(doneGroups.text, doneGroups.values(params));
      return { groups, sessions, followUps: counts!, done };
    },
    async khidiRows(query) {
      const params = range(query);
      const patients = await sql.all<KhidiPatientRow>(KHIDI_SQL.patients.text, KHIDI_SQL.patients.values(params));
      const visits = await sql.all<KhidiVisitRow>(KHIDI_SQL.visits.text, KHIDI_SQL.visits.values(params));
      const followUps = await sql.all<{ seq: number; total: number; done: number }>(
        KHIDI_SQL.followUps.text,
        KHIDI_SQL.followUps.values(params),
      );
      return { patients, visits, followUps: new Map(followUps.map((row) => [row.seq, { done: row.done, total: row.total }])) };
    },
  };
}
