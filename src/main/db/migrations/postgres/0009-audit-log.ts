import type { Migration } from '../migration';

// 0009 in PostgreSQL: the append-only audit log and the kept versions of plans. As in SQLite, triggers refuse
// every UPDATE and DELETE of the log, and every UPDATE of a plan version; PostgreSQL also has TRUNCATE, which no
// row trigger sees, so a statement trigger refuses it too. Triggers do not stop the table's owner (who can disable
// them): on the clinic server the app's login roles will get INSERT and SELECT on the log and nothing more, and
// these triggers stay as a second line. seq is not generated: the app numbers each entry, and the number is part
// of its hash (src/main/services/audit/audit-chain.ts). The legal records stay text, byte for byte as hashed or
// saved (jsonb would reorder their keys).
export const postgresMigration0009: Migration = {
  version: 9,
  name: 'audit-log',
  sql: `
CREATE FUNCTION refuse_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

CREATE TABLE audit_log (
  seq integer PRIMARY KEY,
  at text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  patient_id text COLLATE "C",
  fields_json text COLLATE "C" NOT NULL DEFAULT '[]' CHECK (is_valid_json(fields_json)),
  prev_hash text COLLATE "C" NOT NULL UNIQUE CHECK (length(prev_hash) = 64),
  hash text COLLATE "C" NOT NULL CHECK (length(hash) = 64)
);

CREATE INDEX audit_log_by_patient ON audit_log (patient_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('audit_log is append-only');
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change('audit_log is append-only');
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('audit_log is append-only');

CREATE TABLE plan_versions (
  patient_seq integer NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  version integer NOT NULL,
  plan_json text COLLATE "C" NOT NULL CHECK (is_valid_json(plan_json)),
  saved_at text COLLATE "C" NOT NULL,
  saved_by text COLLATE "C" NOT NULL,
  PRIMARY KEY (patient_seq, version)
);

CREATE TRIGGER plan_versions_no_update BEFORE UPDATE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change('plan versions are amended by a new version, never overwritten');

INSERT INTO plan_versions (patient_seq, version, plan_json, saved_at, saved_by)
  SELECT patient_seq, version, plan_json, updated_at, 'unknown' FROM plans;
`,
};
