import type { Migration } from '../migration';

// 0023 in PostgreSQL: the roles of 0021 on what came beside them. 0021 granted the tables there were and put every
// table of a patient's rows under row-level security; the sealed photo files (0022) were made after it, and the
// payments (0020) were not in its list. Without this, no coordinator's login could read or add a photo, and a
// login of one branch would see another branch's payments. Photo files are named by content and sealed, with no
// patient column: their rows are reached through the photos table, whose policy already hides another branch's.
// Payments are append-only (0020's triggers); a row goes only with its patient, by the purge.
export const postgresMigration0023: Migration = {
  version: 23,
  name: 'server-grants-for-later-tables',
  sql: `
GRANT SELECT, INSERT, DELETE ON photo_files TO clinicdesk_coordinator, clinicdesk_doctor, clinicdesk_admin;

ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
CREATE POLICY payments_read ON payments FOR SELECT USING (EXISTS (SELECT 1 FROM patients p WHERE p.seq = payments.patient_seq));
CREATE POLICY payments_update ON payments FOR UPDATE USING (EXISTS (SELECT 1 FROM patients p WHERE p.seq = payments.patient_seq));
CREATE POLICY payments_delete ON payments FOR DELETE USING (EXISTS (SELECT 1 FROM patients p WHERE p.seq = payments.patient_seq));
CREATE POLICY payments_insert ON payments FOR INSERT WITH CHECK (true);
`,
};
