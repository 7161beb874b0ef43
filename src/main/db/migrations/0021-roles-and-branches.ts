import type { Migration } from './migration';

// Roles and branches (the SQLite text; the clinic server's is ./postgres/0021-roles-and-branches.ts, which adds the
// database's own roles, grants and row-level security). Additive only.
// - A coordinator profile has a role: coordinator, doctor or admin (settings, prices, enrolment). Profiles made
//   before this migration had every right, so they become admins: nobody loses what they could do the day before.
//   New profiles are coordinators unless the admin who adds them says otherwise.
// - A branch is a clinic location. A single clinic has one, 'main', made here; every patient and every profile
//   belongs to it until an admin adds another. No foreign key on the new columns: SQLite refuses ADD COLUMN with
//   REFERENCES and a default other than NULL while foreign keys are on; the app only writes ids it has read.
export const migration0021: Migration = {
  version: 21,
  name: 'roles-and-branches',
  sql: `
CREATE TABLE branches (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at TEXT NOT NULL
) STRICT;

INSERT INTO branches (id, name, created_at) VALUES ('main', 'Main', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

ALTER TABLE patients ADD COLUMN branch_id TEXT NOT NULL DEFAULT 'main';
CREATE INDEX patients_by_branch ON patients (branch_id);

ALTER TABLE coordinator_profiles ADD COLUMN role TEXT NOT NULL DEFAULT 'coordinator' CHECK (role IN ('coordinator', 'doctor', 'admin'));
UPDATE coordinator_profiles SET role = 'admin';
ALTER TABLE coordinator_profiles ADD COLUMN branch_id TEXT NOT NULL DEFAULT 'main';
`,
};
