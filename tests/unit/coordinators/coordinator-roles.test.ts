// Roles in the app (coordinator, doctor, clinic admin) over the real services and a real SQLite file: the first
// profile is the admin, later ones are what the admin chose; settings, prices and enrolment are refused to a
// coordinator or doctor beside the field, with nothing written; the CLI (nobody signed in) keeps its rights. And
// migration 0021 on a SQLite file made before it: one branch, 'main', for every patient and profile; the profiles
// made before keep every right they had (admins).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { groupRoleOf, mayDo, roleOfNewProfile } from '../../../src/shared/domain/coordinators/coordinator-roles';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openDatabase } from '../../../src/main/db/open-database';
import { openServices, type OpenServices } from '../../../src/main/services/open-services';
import { TEST_KEY } from '../../support/test-key';

let folder: string;
let services: OpenServices;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-roles-'));
  services = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, now: () => new Date('2026-11-24T01:00:00Z') });
});
afterEach(() => {
  services.close();
  rmSync(folder, { recursive: true, force: true });
});

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}
const settingsRows = () =>
  services.context.db.prepare("SELECT count(*) AS n FROM clinic_settings WHERE key <> 'coordinator'").get() as { n: number };

describe('roles (pure)', () => {
  it('make the first profile the admin, later ones what was chosen (a coordinator by default)', () => {
    expect(roleOfNewProfile(true, 'doctor')).toBe('admin');
    expect(roleOfNewProfile(false, undefined)).toBe('coordinator');
    expect(roleOfNewProfile(false, 'doctor')).toBe('doctor');
    expect(['coordinator', 'doctor', 'admin'].map((role) => mayDo(role as never, 'settings'))).toEqual([false, false, true]);
    expect(groupRoleOf('doctor')).toBe('clinicdesk_doctor');
  });
});

describe('roles in the services', () => {
  it('let the admin set prices and enrol a doctor; the doctor is refused both, nothing written', async () => {
    const admin = await call('addCoordinator', { name: 'Park Ji-won', pin: '482913', role: 'doctor' });
    expect(admin.role).toBe('admin');
    const doctor = await call('addCoordinator', { name: 'Dr. Lee', pin: '735162', role: 'doctor' });
    expect(doctor.role).toBe('doctor');
    const settings = await call('getClinicSettings', {});
    await call('saveClinicSettings', { settings: { ...settings, prices: { ...settings.prices, 'pico-laser': 150_000 } } });

    await call('signIn', { coordinatorId: doctor.id, pin: '735162' });
    const priced = await services.dispatch('saveClinicSettings', {
      settings: { ...settings, prices: { ...settings.prices, 'pico-laser': 1 } },
    });
    expect(priced.ok ? null : priced.error).toMatchObject({ code: 'forbidden', issues: [{ path: ['settings'], code: 'admin_only' }] });
    expect((await call('getClinicSettings', {})).prices['pico-laser']).toBe(150_000);
    const enrolled = await services.dispatch('addCoordinator', { name: 'Kim Soo-jin', pin: '111222' });
    expect(enrolled.ok ? null : enrolled.error).toMatchObject({ code: 'forbidden', issues: [{ path: ['role'], code: 'admin_only' }] });
    expect((await call('listCoordinators', {})).coordinators.map((profile) => [profile.name, profile.role])).toEqual([
      ['Dr. Lee', 'doctor'],
      ['Park Ji-won', 'admin'],
    ]);
  });

  it("give a single PC's file no database logins", async () => {
    const admin = await call('addCoordinator', { name: 'Park Ji-won', pin: '482913' });
    const refused = await services.dispatch('addServerLogin', { coordinatorId: admin.id });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['coordinatorId'], code: 'server_only' }],
    });
  });

  it('leave the CLI (nobody signed in) its rights, as before roles', async () => {
    services.context.ownSession.current = null;
    const settings = await call('getClinicSettings', {});
    await call('saveClinicSettings', { settings: { ...settings, retentionYears: 12 } });
    expect(settingsRows().n).toBe(1);
  });
});

describe('migration 0021 on a SQLite file', () => {
  it('puts every patient and profile in the one branch, main, and makes the profiles made before admins', () => {
    const path = join(folder, 'old.sqlite');
    const old = openDatabase(
      path,
      TEST_KEY,
      MIGRATIONS.filter((migration) => migration.version < 21),
    );
    old
      .prepare("INSERT INTO coordinator_profiles (id, display_name, pin_salt, pin_hash, created_at) VALUES ('a', 'Park', ?, ?, 'x')")
      .run('a'.repeat(32), 'b'.repeat(64));
    old
      .prepare(
        `INSERT INTO patients (seq, id, native_name, latin_name, birth_date, sex, nationality, languages_json, home_time_zone,
      home_currency, arrival, departure, screening_json, created_at, updated_at)
      VALUES (1, 'p', 'n', 'l', '1990-01-01', 'female', 'KR', '[]', 'Asia/Seoul', 'KRW', '2026-01-01', '2026-01-02', '{}', 'x', 'x')`,
      )
      .run();
    old.close();
    const db = openDatabase(path, TEST_KEY);
    try {
      expect(db.prepare('SELECT id, name FROM branches').all()).toEqual([{ id: 'main', name: 'Main' }]);
      expect(db.prepare('SELECT id, branch_id FROM patients').all()).toEqual([{ id: 'p', branch_id: 'main' }]);
      expect(db.prepare('SELECT id, role, branch_id FROM coordinator_profiles').all()).toEqual([
        { id: 'a', role: 'admin', branch_id: 'main' },
      ]);
      // A profile added from now on is a coordinator unless said, and no other role is stored.
      db.prepare("INSERT INTO coordinator_profiles (id, display_name, pin_salt, pin_hash, created_at) VALUES ('b', 'Lee', ?, ?, 'x')").run(
        'a'.repeat(32),
        'b'.repeat(64),
      );
      expect(db.prepare("SELECT role FROM coordinator_profiles WHERE id = 'b'").get()).toEqual({ role: 'coordinator' });
      expect(() => db.prepare("UPDATE coordinator_profiles SET role = 'owner' WHERE id = 'b'").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
