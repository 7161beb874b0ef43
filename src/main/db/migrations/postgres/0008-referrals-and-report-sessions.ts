import type { Migration } from '../migration';

// 0008 in PostgreSQL: referral columns of the patient, and the plan's sessions as rows for the reports, filled
// from the plans already saved as SQLite's 0008 fills them (json_each's 0-based key is the ordinality minus one).
// The report statements will be written for PostgreSQL when the reports move; the indexes keep SQLite's names and
// columns. The report group's first language is the same expression SQLite indexes (json_extract(..., '$[0]')),
// in the "C" collation like every text here, so a query that groups or orders by it can read the index.
export const postgresMigration0008: Migration = {
  version: 8,
  name: 'referrals-and-report-sessions',
  sql: `
ALTER TABLE patients ADD COLUMN referral_route text COLLATE "C"
  CHECK (referral_route IS NULL OR referral_route IN ('direct', 'agency', 'hospital_referral', 'online_platform', 'returning'));
ALTER TABLE patients ADD COLUMN referral_agency_name text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN referral_agency_registration text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN referral_referrer text COLLATE "C" NOT NULL DEFAULT '';

CREATE TABLE plan_sessions (
  patient_seq integer NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  position integer NOT NULL,
  treatment text COLLATE "C" NOT NULL,
  date text COLLATE "C",
  status text COLLATE "C" NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'no_show', 'cancelled')),
  moved integer NOT NULL DEFAULT 0 CHECK (moved IN (0, 1)),
  discount_percent double precision NOT NULL DEFAULT 0,
  line_sessions integer NOT NULL DEFAULT 1,
  PRIMARY KEY (patient_seq, position)
);

CREATE INDEX plan_sessions_by_date ON plan_sessions (date, status, patient_seq, treatment) WHERE date IS NOT NULL;
CREATE INDEX plan_sessions_by_patient_date ON plan_sessions (patient_seq, date, status) WHERE date IS NOT NULL;
CREATE INDEX plan_sessions_by_status ON plan_sessions (status, date, moved) WHERE date IS NOT NULL;
CREATE INDEX plan_sessions_done_by_line ON plan_sessions (treatment, discount_percent, line_sessions, date) WHERE status = 'done';
CREATE INDEX patients_by_report_group ON patients (nationality, ((languages_json::jsonb ->> 0) COLLATE "C"), referral_route);

CREATE INDEX followups_by_local_date ON followups (local_date, done_at, due_at);

INSERT INTO plan_sessions (patient_seq, position, treatment, date, status, moved, discount_percent, line_sessions)
SELECT plans.patient_seq, item.ordinality - 1, item.value ->> 'treatment', item.value ->> 'date',
  coalesce(item.value ->> 'status', 'scheduled'), 0,
  coalesce((plans.plan_json::jsonb -> 'discounts' ->> (item.value ->> 'treatment'))::double precision, 0),
  (SELECT count(*) FROM jsonb_array_elements(plans.plan_json::jsonb -> 'items') AS other (value)
    WHERE other.value ->> 'treatment' = item.value ->> 'treatment')
FROM plans, jsonb_array_elements(plans.plan_json::jsonb -> 'items') WITH ORDINALITY AS item (value, ordinality);
`,
};
