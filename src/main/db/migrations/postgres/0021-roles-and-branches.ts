import type { Migration } from '../migration';

// 0021 in PostgreSQL (the SQLite text is ../0021-roles-and-branches.ts): the same branches and profile roles, and
// what only a server has: its own roles, grants and row-level security, so the rules hold for any client that logs
// in, not only for the app (docs/clinic-server.md, "Logins, roles and branches").
//
// - Group roles clinicdesk_coordinator, clinicdesk_doctor and clinicdesk_admin (NOLOGIN). Roles belong to the whole
//   server, not to one database: two clinic databases on one server, or two PCs migrating at once, share them, so
//   they are made only when missing, and a concurrent maker's duplicate is ignored. Each coordinator's own LOGIN
//   role (clinicdesk_add_login below) is a member of one of them.
// - Grants: every table to every group, except that the audit log is INSERT and SELECT only for all (append-only by
//   privilege: no UPDATE, DELETE or TRUNCATE; its triggers of 0009 stay as a second line), plan and quote versions
//   are never updated or deleted by a login (the cascade at the end of retention runs as the tables' owner), and
//   the clinic settings (prices among them), the branches and the profiles (enrolment) are written by admins only; a
//   coordinator or doctor may change the PIN columns of their own profile alone (row-level security below). The
//   schema's owner, which runs the migrations, keeps every right; it is not a login a PC uses.
// - Branches: a clinic location. 'main' is made here; patients and profiles belong to one. A login sees the patients
//   of its profile's branch (an admin sees every branch), and through them their consents, photos, plans, sessions,
//   versions, follow-ups, restrictions and search text. A new patient goes into the branch of the login that adds it
//   (the column's default), so the app needs no branch of its own in the INSERT.
// - The search stays on its indexes: a row-level policy makes the planner evaluate the search's LIKE after the
//   policy (LIKE is not leakproof), which read the whole table (640 ms in the prototype). clinicdesk_search_seqs is
//   SECURITY DEFINER: it runs the LIKE or the pieces' containment as the owner, on the indexes, and itself keeps only
//   the caller's branches. What is restricted (a deletion request) stays restricted for every login: that filter is
//   the repository's, the same for all, after this function.
// - Audit entries are stamped with the database login that wrote them (db_login, set by a trigger from
//   current_user, whatever the INSERT says). The coordinator's name stays in actor, inside the hash.
// - Identity of a login is session_user in the branch functions: inside the SECURITY DEFINER search current_user is
//   the owner, and a login that SET ROLEs to its group is still itself.
export const postgresMigration0021: Migration = {
  version: 21,
  name: 'roles-and-branches',
  sql: `
DO $$
DECLARE
  group_role text;
BEGIN
  FOREACH group_role IN ARRAY ARRAY['clinicdesk_coordinator', 'clinicdesk_doctor', 'clinicdesk_admin'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END
$$;

CREATE TABLE branches (
  id text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at text COLLATE "C" NOT NULL
);

INSERT INTO branches (id, name, created_at) VALUES ('main', 'Main', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));

ALTER TABLE coordinator_profiles ADD COLUMN role text COLLATE "C" NOT NULL DEFAULT 'coordinator' CHECK (role IN ('coordinator', 'doctor', 'admin'));
UPDATE coordinator_profiles SET role = 'admin';
ALTER TABLE coordinator_profiles ADD COLUMN branch_id text COLLATE "C" NOT NULL DEFAULT 'main' REFERENCES branches (id);
ALTER TABLE coordinator_profiles ADD COLUMN db_login text COLLATE "C" UNIQUE;

CREATE FUNCTION clinicdesk_login_branches() RETURNS text[]
  LANGUAGE sql STABLE
  RETURN CASE
    WHEN pg_has_role(session_user, 'clinicdesk_admin', 'MEMBER')
      OR NOT (pg_has_role(session_user, 'clinicdesk_coordinator', 'MEMBER') OR pg_has_role(session_user, 'clinicdesk_doctor', 'MEMBER'))
      THEN ARRAY(SELECT id FROM branches)
    ELSE ARRAY(SELECT branch_id FROM coordinator_profiles WHERE db_login = session_user::text AND disabled_at IS NULL)
  END;

CREATE FUNCTION clinicdesk_home_branch() RETURNS text
  LANGUAGE sql STABLE
  RETURN coalesce((SELECT branch_id FROM coordinator_profiles WHERE db_login = session_user::text AND disabled_at IS NULL), 'main');

ALTER TABLE patients ADD COLUMN branch_id text COLLATE "C" NOT NULL DEFAULT clinicdesk_home_branch() REFERENCES branches (id);
CREATE INDEX patients_by_branch ON patients (branch_id);

ALTER TABLE audit_log ADD COLUMN db_login text COLLATE "C" NOT NULL DEFAULT current_user;

CREATE FUNCTION stamp_audit_login() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.db_login := current_user;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_stamp_login BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION stamp_audit_login();

DO $$
DECLARE
  here text := quote_ident(current_schema());
  groups text := 'clinicdesk_coordinator, clinicdesk_doctor, clinicdesk_admin';
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO %s', here, groups);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO %s', here, groups);
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %s TO %s', here, groups);
END
$$;

REVOKE INSERT, UPDATE, DELETE ON schema_version FROM clinicdesk_coordinator, clinicdesk_doctor, clinicdesk_admin;
REVOKE UPDATE, DELETE ON audit_log, plan_versions, quote_versions FROM clinicdesk_coordinator, clinicdesk_doctor, clinicdesk_admin;
REVOKE INSERT, UPDATE, DELETE ON clinic_settings, branches, coordinator_profiles FROM clinicdesk_coordinator, clinicdesk_doctor;
GRANT UPDATE (pin_salt, pin_hash) ON coordinator_profiles TO clinicdesk_coordinator, clinicdesk_doctor;

ALTER TABLE coordinator_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY profiles_read ON coordinator_profiles FOR SELECT USING (true);
CREATE POLICY profiles_enrol ON coordinator_profiles FOR INSERT WITH CHECK (true);
CREATE POLICY profiles_own_or_admin ON coordinator_profiles FOR UPDATE
  USING (db_login = session_user::text OR pg_has_role(session_user, 'clinicdesk_admin', 'MEMBER'));

ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
CREATE POLICY patients_of_login_branches ON patients USING (branch_id = ANY ((SELECT clinicdesk_login_branches())::text[]));

DO $$
DECLARE
  owned record;
BEGIN
  -- What belongs to one patient: readable, changed and deleted only where the patient is visible (the column is
  -- qualified by its table: patient_search_text's own seq would otherwise be read as the subquery's). Inserts are not
  -- checked here: the patient and its search text and consents are written by one statement, whose later parts do
  -- not see the patient's new row; the foreign key still ties each row to an existing patient.
  FOR owned IN SELECT * FROM (VALUES
      ('patient_search_text', 'seq'), ('consents', 'patient_seq'), ('photos', 'patient_seq'), ('plans', 'patient_seq'),
      ('plan_sessions', 'patient_seq'), ('plan_versions', 'patient_seq'), ('plan_drafts', 'patient_seq'),
      ('followups', 'patient_seq'), ('patient_restrictions', 'patient_seq'), ('quote_versions', 'patient_seq')
    ) AS t (table_name, patient_column) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', owned.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (EXISTS (SELECT 1 FROM patients p WHERE p.seq = %I.%I))',
      owned.table_name || '_read', owned.table_name, owned.table_name, owned.patient_column);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (EXISTS (SELECT 1 FROM patients p WHERE p.seq = %I.%I))',
      owned.table_name || '_update', owned.table_name, owned.table_name, owned.patient_column);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (EXISTS (SELECT 1 FROM patients p WHERE p.seq = %I.%I))',
      owned.table_name || '_delete', owned.table_name, owned.table_name, owned.patient_column);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (true)', owned.table_name || '_insert', owned.table_name);
  END LOOP;
END
$$;

CREATE FUNCTION clinicdesk_search_seqs(pattern text, needle text) RETURNS SETOF integer
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT ROWS 100 AS $$
DECLARE
  visible text[] := clinicdesk_login_branches();
BEGIN
  -- EXECUTE ... USING is planned with the values at every call, as the app's unnamed statements are: a cached
  -- generic plan for LIKE $1 is what made the search 277 ms in the prototype.
  IF pattern IS NOT NULL THEN
    RETURN QUERY EXECUTE 'SELECT s.seq FROM patient_search_text s JOIN patients p ON p.seq = s.seq
      WHERE s.haystack LIKE $1 AND p.branch_id = ANY ($2)' USING pattern, visible;
  ELSIF needle IS NOT NULL THEN
    RETURN QUERY EXECUTE 'SELECT s.seq FROM patient_search_text s JOIN patients p ON p.seq = s.seq
      WHERE s.haystack_pieces @> ARRAY[$1] AND p.branch_id = ANY ($2)' USING needle, visible;
  END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION clinicdesk_search_seqs(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinicdesk_search_seqs(text, text) TO clinicdesk_coordinator, clinicdesk_doctor, clinicdesk_admin;

CREATE FUNCTION clinicdesk_add_login(login text, verifier text, group_role text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  -- Only the shapes the app makes: a name of ours, a SCRAM verifier (the password itself never reaches the
  -- server, nor its log), one of the three groups.
  IF login IS NULL OR login !~ '^clinicdesk_login_[a-z0-9_]{1,40}$' THEN
    RAISE EXCEPTION 'not a ClinicDesk login name' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF group_role IS NULL OR group_role NOT IN ('clinicdesk_coordinator', 'clinicdesk_doctor', 'clinicdesk_admin') THEN
    RAISE EXCEPTION 'not a ClinicDesk role' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF verifier IS NULL OR verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
    RAISE EXCEPTION 'not a SCRAM-SHA-256 verifier' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, verifier, group_role);
END
$$;

REVOKE EXECUTE ON FUNCTION clinicdesk_add_login(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinicdesk_add_login(text, text, text) TO clinicdesk_admin;
`,
};
