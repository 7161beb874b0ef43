import type { Migration } from './migration';

// Reports (issue 6). The referral route KHIDI asks for, as columns of the patient (NULL: never recorded, which the
// report lists as a gap rather than guessing "direct"). And the plan's sessions as rows: the plan stays the
// source of truth in plan_json, but counting a year of sessions by date and status needs an index, not a JSON
// scan of every plan. The plans repository rewrites a patient's rows with every save; this migration fills them
// for the plans already saved. `moved` marks a session whose date changed after it was first dated (the plan
// format has no "moved" status: moving a session is changing its date). `discount_percent` and `line_sessions`
// let revenue be priced as the quote prices the line, without reading the plan again.
export const migration0008: Migration = {
  version: 8,
  name: 'referrals-and-report-sessions',
  sql: `
ALTER TABLE patients ADD COLUMN referral_route TEXT
  CHECK (referral_route IS NULL OR referral_route IN ('direct', 'agency', 'hospital_referral', 'online_platform', 'returning'));
ALTER TABLE patients ADD COLUMN referral_agency_name TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN referral_agency_registration TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN referral_referrer TEXT NOT NULL DEFAULT '';

CREATE TABLE plan_sessions (
  patient_seq INTEGER NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  treatment TEXT NOT NULL,
  date TEXT,
  status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'no_show', 'cancelled')),
  moved INTEGER NOT NULL DEFAULT 0 CHECK (moved IN (0, 1)),
  discount_percent REAL NOT NULL DEFAULT 0,
  line_sessions INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (patient_seq, position)
) STRICT;

-- The reports read these indexes alone (covering), each in the order its GROUP BY needs, so no query sorts a
-- year of rows (bench: report_summary_ms). The KHIDI list reads a date range:
CREATE INDEX plan_sessions_by_date ON plan_sessions (date, status, patient_seq, treatment) WHERE date IS NOT NULL;
-- "Was this patient seen in the range?", probed once per patient:
CREATE INDEX plan_sessions_by_patient_date ON plan_sessions (patient_seq, date, status) WHERE date IS NOT NULL;
-- Sessions by status (done, no-show...) and how many were moved:
CREATE INDEX plan_sessions_by_status ON plan_sessions (status, date, moved) WHERE date IS NOT NULL;
-- Done sessions by how their line is priced, for revenue:
CREATE INDEX plan_sessions_done_by_line ON plan_sessions (treatment, discount_percent, line_sessions, date) WHERE status = 'done';
-- Patients counted by nationality, preferred language and referral route, in that order:
CREATE INDEX patients_by_report_group ON patients (nationality, json_extract(languages_json, '$[0]'), referral_route);

-- Follow-ups falling due on days of a range (the patient's own calendar date), done or not.
CREATE INDEX followups_by_local_date ON followups (local_date, done_at, due_at);

INSERT INTO plan_sessions (patient_seq, position, treatment, date, status, moved, discount_percent, line_sessions)
SELECT plans.patient_seq, CAST(item.key AS INTEGER), json_extract(item.value, '$.treatment'), json_extract(item.value, '$.date'),
  coalesce(json_extract(item.value, '$.status'), 'scheduled'), 0,
  coalesce(json_extract(plans.plan_json, '$.discounts."' || json_extract(item.value, '$.treatment') || '"'), 0),
  (SELECT count(*) FROM json_each(plans.plan_json, '$.items') AS other
    WHERE json_extract(other.value, '$.treatment') = json_extract(item.value, '$.treatment'))
FROM plans, json_each(plans.plan_json, '$.items') AS item;
`,
};
