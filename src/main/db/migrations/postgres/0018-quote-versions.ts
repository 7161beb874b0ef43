import type { Migration } from '../migration';

// 0018 in PostgreSQL: the quotes a patient was sent, each kept as sent (quote_json as text, byte for byte). A
// trigger's WHEN cannot hold a subquery in PostgreSQL, so "refused while the patient's record exists" is in the
// function. It runs after the record's row is gone when the record is destroyed (the cascade deletes the versions
// after the patient's row), so the cascade passes, as in SQLite; TRUNCATE, which no row trigger sees, is refused.
export const postgresMigration0018: Migration = {
  version: 18,
  name: 'quote-versions-and-session-ids',
  sql: `
CREATE TABLE quote_versions (
  patient_seq integer NOT NULL REFERENCES patients (seq) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  plan_version integer NOT NULL CHECK (plan_version > 0),
  quote_json text COLLATE "C" NOT NULL CHECK (is_valid_json(quote_json)),
  sent_at text COLLATE "C" NOT NULL,
  sent_by text COLLATE "C" NOT NULL,
  PRIMARY KEY (patient_seq, version)
);

CREATE FUNCTION refuse_quote_version_delete() RETURNS trigger
  LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM patients WHERE seq = OLD.patient_seq) THEN
    RAISE EXCEPTION 'a quote version is kept as it was sent, never overwritten';
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER quote_versions_no_update BEFORE UPDATE ON quote_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change('a quote version is kept as it was sent, never overwritten');
CREATE TRIGGER quote_versions_no_delete BEFORE DELETE ON quote_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_quote_version_delete();
CREATE TRIGGER quote_versions_no_truncate BEFORE TRUNCATE ON quote_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('a quote version is kept as it was sent, never overwritten');

ALTER TABLE plan_sessions ADD COLUMN session_id text COLLATE "C";
`,
};
