// Logins, roles and branches on a real throwaway PostgreSQL, each PC through its own database login (migration
// 0021, server-logins-service.ts): the admin (here the schema's owner, as at setup) makes profiles and their logins;
// each coordinator's services then connect as that login. What is refused must be refused by PostgreSQL itself
// (SQLSTATE 42501, insufficient_privilege), not only by the app, so these tests also run bare SQL as the logins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { migratePostgres } from '../../../src/main/db/postgres/migrate';
import { readServerLoginFile, urlWithLogin, writeServerLoginFile, type ServerLogin } from '../../../src/main/security/server-login-file';
import { scramVerifier } from '../../../src/main/security/scram-verifier';
import type { OpenServices } from '../../../src/main/services/open-services';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, fixtureIntake } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const postgres = usePostgres();
const INSUFFICIENT_PRIVILEGE = { code: '42501' };

describe('SCRAM verifiers made on the PC', () => {
  it("match RFC 7677's test vector, so PostgreSQL checks a password against what the app sent", () => {
    // RFC 7677, section 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 iterations.
    const verifier = scramVerifier('pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'), 4096);
    expect(verifier).toBe(
      'SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=',
    );
    expect(() => scramVerifier('pin 1234')).toThrow(/printable ASCII/);
  });
});

describe.skipIf(!postgres.available)(postgres.title('logins, roles and branches on the clinic server'), () => {
  let folder: string;
  const opened: OpenServices<null>[] = [];
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-logins-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((services) => services.close()));
    rmSync(folder, { recursive: true, force: true });
  });

  const open = async (url: string, login?: ServerLogin) => {
    const services = await openServerServices({
      url,
      dataFolder: join(folder, login?.user ?? 'owner'),
      key: TEST_KEY,
      now: () => FIXED_NOW,
      ...(login ? { login } : {}),
    });
    opened.push(services);
    return services;
  };
  const call = async <C extends Channel>(services: OpenServices<null>, channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const result = await services.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  /** A clinic: the admin's profile (signed in on the owner's services), and profiles with logins. */
  async function clinic() {
    const url = await postgres.createDatabase();
    const owner = await open(url);
    await call(owner, 'addCoordinator', { name: 'Admin Han', pin: '100200' });
    const staff = async (name: string, role: 'coordinator' | 'doctor' | 'admin', pin: string) => {
      const profile = await call(owner, 'addCoordinator', { name, pin, role });
      const made = await call(owner, 'addServerLogin', { coordinatorId: profile.id });
      // Kept by the PC as a sealed file, read back as the CLI and the preview do.
      const file = join(folder, `${name.replaceAll(' ', '-')}.login`);
      writeServerLoginFile(file, { user: made.login, password: made.password }, TEST_KEY);
      return { profile, pin, login: readServerLoginFile(file, TEST_KEY) };
    };
    const sql = await postgres.connect(url);
    return { url, owner, staff, sql };
  }
  /** Bare SQL as a login, below the app. */
  const connectAs = (url: string, login: ServerLogin) => postgres.connect(urlWithLogin(url, login));
  const signedIn = async (url: string, member: { profile: { id: string }; pin: string; login: ServerLogin }) => {
    const services = await open(url, member.login);
    await call(services, 'signIn', { coordinatorId: member.profile.id, pin: member.pin });
    return services;
  };

  it("lets a second coordinator's login see the first one's new patient on the next read, each entry stamped with its login", async () => {
    const { url, staff, sql } = await clinic();
    const park = await staff('Park Ji-won', 'coordinator', '482913');
    const kim = await staff('Kim Soo-jin', 'coordinator', '735162');
    const parkPc = await signedIn(url, park);
    const kimPc = await signedIn(url, kim);
    const before = await call(kimPc, 'searchPatients', { query: 'Zhao', tripStatus: 'all', limit: 50 });
    const created = await call(parkPc, 'createPatient', { patient: fixtureIntake('zh-Hans') });
    const after = await call(kimPc, 'searchPatients', { query: 'Zhao', tripStatus: 'all', limit: 50 });
    expect(before.rows.map((row) => row.id)).toEqual([]);
    expect(after.rows.map((row) => row.id)).toEqual([created.id]);
    expect((await call(kimPc, 'getPatient', { id: created.id })).patient.names.native).toBe('赵丽娜');
    // Who wrote each entry, by login, whatever the app put in actor.
    const stamped = await sql.query<{ action: string; actor: string; db_login: string }>(
      "SELECT action, actor, db_login FROM audit_log WHERE action IN ('patient.create', 'patient.open') ORDER BY seq",
    );
    expect(stamped.rows).toEqual([
      { action: 'patient.create', actor: 'Park Ji-won', db_login: park.login.user },
      { action: 'patient.open', actor: 'Kim Soo-jin', db_login: kim.login.user },
    ]);
    // A login cannot put another login's name on its entry.
    const parkSql = await connectAs(url, park.login);
    await parkSql.query(`INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash, db_login)
      VALUES (100000, 'x', 'x', 'print', repeat('a', 64), repeat('b', 64), 'clinicdesk_admin')`);
    expect((await sql.query('SELECT db_login FROM audit_log WHERE seq = 100000')).rows).toEqual([{ db_login: park.login.user }]);
  }, 120_000);

  it("shows a branch's login no row of another branch: not by select, count, search function or the services", async () => {
    const { url, staff, sql } = await clinic();
    const park = await staff('Park Ji-won', 'coordinator', '482913');
    const lee = await staff('Lee Min-ho', 'coordinator', '735162');
    const head = await staff('Admin Yoon', 'admin', '555666');
    // The admin's setup for a second location (docs/clinic-server.md).
    await sql.query("INSERT INTO branches (id, name, created_at) VALUES ('gangnam', 'Gangnam', 'now')");
    await sql.query("UPDATE coordinator_profiles SET branch_id = 'gangnam' WHERE id = $1", [lee.profile.id]);

    const parkPc = await signedIn(url, park);
    const leePc = await signedIn(url, lee);
    const intake = fixtureIntake('zh-Hans');
    const created = await call(parkPc, 'createPatient', { patient: intake });
    await call(parkPc, 'savePatientPlan', {
      patientId: created.id,
      expectedVersion: 0,
      plan: { items: [{ treatment: 'hydrafacial', date: null }], acknowledgements: [], discounts: {}, rate: null },
    });
    // The rows Lee must not see are there for Park.
    const parkCounts = await (
      await connectAs(url, park.login)
    ).query(
      'SELECT (SELECT count(*) FROM consents)::integer AS consents, (SELECT count(*) FROM plans)::integer AS plans, (SELECT count(*) FROM plan_versions)::integer AS versions',
    );
    expect(parkCounts.rows[0]).toMatchObject({ plans: 1, versions: 1 });
    expect(parkCounts.rows[0].consents).toBeGreaterThan(0);
    const leesOwn = await call(leePc, 'createPatient', { patient: { ...fixtureIntake('ja') } });
    expect((await sql.query('SELECT id, branch_id FROM patients ORDER BY seq')).rows).toEqual([
      { id: created.id, branch_id: 'main' },
      { id: leesOwn.id, branch_id: 'gangnam' },
    ]);

    const leeSql = await connectAs(url, lee.login);
    const needle = 'zhao';
    expect((await leeSql.query('SELECT id FROM patients')).rows).toEqual([{ id: leesOwn.id }]);
    expect((await leeSql.query('SELECT count(*)::integer AS n FROM patients WHERE seq = 1')).rows).toEqual([{ n: 0 }]);
    for (const table of ['patient_search_text', 'consents', 'plans', 'plan_sessions', 'plan_versions', 'patient_restrictions']) {
      const { rows } = await leeSql.query(
        `SELECT count(*)::integer AS n FROM ${table} WHERE ${table === 'patient_search_text' ? 'seq' : 'patient_seq'} = 1`,
      );
      expect(rows, table).toEqual([{ n: 0 }]);
    }
    expect((await leeSql.query('SELECT clinicdesk_search_seqs($1, NULL) AS seq', [`%${needle}%`])).rows).toEqual([]);
    expect((await leeSql.query('SELECT clinicdesk_search_seqs(NULL, $1) AS seq', ['丽'])).rows).toEqual([]);
    // Nor can it write there: an update or delete of another branch's patient changes no row.
    expect((await leeSql.query("UPDATE patients SET stay_address = 'x' WHERE seq = 1")).rowCount).toBe(0);
    expect((await leeSql.query('DELETE FROM consents WHERE patient_seq = 1')).rowCount).toBe(0);
    const leeSearch = await call(leePc, 'searchPatients', { query: needle, tripStatus: 'all', limit: 50 });
    expect(leeSearch.rows.map((row) => row.id)).toEqual([]);
    const opened = await leePc.dispatch('getPatient', { id: created.id });
    expect(opened.ok ? 'opened' : opened.error.code).toBe('not_found');

    // The same search from Park's branch finds it, through the same function; the admin sees both branches.
    const parkSql = await connectAs(url, park.login);
    expect((await parkSql.query('SELECT clinicdesk_search_seqs($1, NULL) AS seq', [`%${needle}%`])).rows).toEqual([{ seq: 1 }]);
    const headSql = await connectAs(url, head.login);
    expect((await headSql.query('SELECT count(*)::integer AS n FROM patients')).rows).toEqual([{ n: 2 }]);
  }, 120_000);

  it("keeps the audit log append-only by privilege for every login, the admin's too", async () => {
    const { url, staff } = await clinic();
    const head = await staff('Admin Yoon', 'admin', '555666');
    const park = await staff('Park Ji-won', 'coordinator', '482913');
    for (const member of [park, head]) {
      const client = await connectAs(url, member.login);
      expect((await client.query('SELECT count(*)::integer AS n FROM audit_log')).rows[0].n).toBeGreaterThan(0);
      await expect(client.query("UPDATE audit_log SET actor = 'nobody'")).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
      await expect(client.query('DELETE FROM audit_log')).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
      await expect(client.query('TRUNCATE audit_log')).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
      await expect(client.query('UPDATE plan_versions SET saved_by = $1', ['nobody'])).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
      // Nor turn the triggers that are the second line off.
      await expect(client.query('ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    }
  }, 120_000);

  it("refuses a doctor's login the settings, prices, branches and enrolment, in the database and in the app", async () => {
    const { url, staff } = await clinic();
    const doctor = await staff('Dr. Choi', 'doctor', '918273');
    const head = await staff('Admin Yoon', 'admin', '555666');
    const doctorSql = await connectAs(url, doctor.login);
    await expect(doctorSql.query("UPDATE clinic_settings SET value_json = '{}'")).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(
      doctorSql.query("INSERT INTO clinic_settings (key, value_json, updated_at) VALUES ('clinic', '{}', 'now')"),
    ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(doctorSql.query("INSERT INTO branches (id, name, created_at) VALUES ('b', 'B', 'now')")).rejects.toMatchObject(
      INSUFFICIENT_PRIVILEGE,
    );
    await expect(doctorSql.query("UPDATE coordinator_profiles SET role = 'admin'")).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(
      doctorSql.query("SELECT clinicdesk_add_login('clinicdesk_login_x', 'SCRAM-SHA-256$4096:a$b:c', 'clinicdesk_admin')"),
    ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    // Its own PIN it may change, another profile's it may not (no row is visible to change).
    expect((await doctorSql.query('UPDATE coordinator_profiles SET pin_salt = pin_salt WHERE id = $1', [doctor.profile.id])).rowCount).toBe(
      1,
    );
    expect((await doctorSql.query('UPDATE coordinator_profiles SET pin_salt = pin_salt WHERE id = $1', [head.profile.id])).rowCount).toBe(
      0,
    );

    const doctorPc = await signedIn(url, doctor);
    const settings = await call(doctorPc, 'getClinicSettings', {});
    const refused = await doctorPc.dispatch('saveClinicSettings', { settings: { ...settings, retentionYears: 12 } });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'forbidden', issues: [{ code: 'admin_only' }] });
    const adminPc = await signedIn(url, head);
    await call(adminPc, 'saveClinicSettings', { settings: { ...settings, retentionYears: 12 } });
    expect((await call(doctorPc, 'getClinicSettings', {})).retentionYears).toBe(12);
  }, 120_000);

  it('makes a login only for an admin, once per profile, from a verifier that keeps the password off the server', async () => {
    const { url, owner, staff } = await clinic();
    const park = await staff('Park Ji-won', 'coordinator', '482913');
    const again = await owner.dispatch('addServerLogin', { coordinatorId: park.profile.id });
    expect(again.ok ? null : again.error.issues).toMatchObject([{ path: ['coordinatorId'], code: 'has_login' }]);
    const parkPc = await signedIn(url, park);
    const other = await call(owner, 'addCoordinator', { name: 'Lee Min-ho', pin: '735162' });
    const refused = await parkPc.dispatch('addServerLogin', { coordinatorId: other.id });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'forbidden', issues: [{ code: 'admin_only' }] });
    // The password is not in the server: only its SCRAM verifier.
    const stored = await (
      await postgres.connect(postgres.adminUrl())
    ).query<{ rolpassword: string }>('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [park.login.user]);
    expect(stored.rows[0]!.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(stored.rows[0]!.rolpassword).not.toContain(park.login.password);
    // A wrong password is refused by the server.
    await expect(
      openServerServices({ url, dataFolder: join(folder, 'x'), key: TEST_KEY, login: { ...park.login, password: 'wrong' } }),
    ).rejects.toThrow(/could not be opened/);
  }, 120_000);

  it("keeps a restricted record restricted for every login, the admin's included", async () => {
    const { url, staff } = await clinic();
    const park = await staff('Park Ji-won', 'coordinator', '482913');
    const head = await staff('Admin Yoon', 'admin', '555666');
    const parkPc = await signedIn(url, park);
    const created = await call(parkPc, 'createPatient', { patient: fixtureIntake('zh-Hans') });
    await call(parkPc, 'requestErasure', { patientId: created.id, reason: 'The patient asked by e-mail.' });
    const adminPc = await signedIn(url, head);
    expect((await call(adminPc, 'searchPatients', { query: 'zhao', tripStatus: 'all', limit: 50 })).rows).toEqual([]);
    const listed = await call(adminPc, 'searchPatients', { query: 'zhao', tripStatus: 'all', limit: 50, includeRestricted: true });
    expect(listed.rows.map((row) => [row.id, row.restricted])).toEqual([[created.id, true]]);
    const record = await call(adminPc, 'getPatient', { id: created.id });
    const changed = await adminPc.dispatch('updatePatient', {
      id: created.id,
      expectedVersion: record.version,
      patient: fixtureIntake('zh-Hans'),
    });
    expect(changed.ok ? null : changed.error.code).toBe('record_restricted');
  }, 120_000);

  it("grants every table to every group, and puts every table of a patient's rows under row-level security", async () => {
    const url = await postgres.createDatabase();
    const client = await postgres.connect(url);
    await migratePostgres(client);
    const ungranted = await client.query(`SELECT c.relname AS name, g.role FROM pg_class c
      CROSS JOIN unnest(ARRAY['clinicdesk_coordinator', 'clinicdesk_doctor', 'clinicdesk_admin']) AS g (role)
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT has_table_privilege(g.role, c.oid, 'SELECT')`);
    expect(ungranted.rows).toEqual([]);
    const unprotected = await client.query(`SELECT DISTINCT c.relname AS name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attname = 'patient_seq' AND NOT c.relrowsecurity`);
    expect(unprotected.rows).toEqual([]);
    // Applied twice (a second database on the same server), the roles are found, not made again.
    const second = await postgres.connect(await postgres.createDatabase());
    await expect(migratePostgres(second)).resolves.toMatchObject({ from: 0 });
  }, 120_000);
});
