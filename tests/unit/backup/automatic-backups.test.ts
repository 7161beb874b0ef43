// Automatic backups: the daily one (runScheduledBackup with the clock passed in), with the clinic's folder and
// retention, and the one before migrations change an existing database, made from an older database and the
// migration list, restorable to the old schema.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_FOLDER_NAME } from '../../../src/main/backup/automatic-backups';
import { restoreBackup } from '../../../src/main/backup/restore-backup';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/db/migrations';
import { openDatabase } from '../../../src/main/db/open-database';
import { defaultClinicSettings } from '../../../src/shared/domain/settings/clinic-settings';
import { clinicalContent } from '../../../src/main/content/clinical-content';
import { openServices, photoRootOf, type OpenServices } from '../../../src/main/services/open-services';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { isBackupDue, newestBackupTime } from '../../../src/shared/domain/backup/backup-schedule';
import { fixtureIntake } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const T0 = new Date('2026-11-24T01:00:00Z');
const HOUR = 60 * 60 * 1000;
let folder: string;
let opened: OpenServices[];
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-auto-backups-'));
  opened = [];
});
afterEach(() => {
  for (const services of opened) services.close();
  rmSync(folder, { recursive: true, force: true });
});

const databasePath = () => join(folder, 'data', 'clinicdesk.sqlite');
function open(migrations: typeof MIGRATIONS = MIGRATIONS, now = () => T0): OpenServices {
  const services = openServices({ databasePath: databasePath(), key: TEST_KEY, now, migrations });
  opened.push(services);
  return services;
}
function close(services: OpenServices): void {
  services.close();
  opened.splice(opened.indexOf(services), 1);
}
async function call<C extends Channel>(services: OpenServices, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}
const backupsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.cdbackup'))
        .sort()
    : [];

describe('the backup schedule (pure)', () => {
  it('takes the newest backup time not after now: one from the future neither holds the backup off nor makes it due hourly', () => {
    const times = ['2026-11-01T00:00:00Z', '2026-11-23T00:00:00Z', '2030-01-01T00:00:00Z'].map((time) => new Date(time));
    expect(newestBackupTime(times, T0)?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(newestBackupTime([new Date('2030-01-01T00:00:00Z')], T0)).toBeNull();
  });

  it('is due with no backup, 24 hours after the newest, or when the newest is in the future', () => {
    expect(isBackupDue(null, T0)).toBe(true);
    expect(isBackupDue(new Date(T0.getTime() - 23 * HOUR), T0)).toBe(false);
    expect(isBackupDue(new Date(T0.getTime() - 24 * HOUR), T0)).toBe(true);
    expect(isBackupDue(new Date(T0.getTime() + HOUR), T0)).toBe(true);
  });
});

describe('the daily backup', () => {
  it('backs up beside the database by default, then not again within 24 hours', async () => {
    const services = open();
    await call(services, 'createPatient', { patient: fixtureIntake('en') });
    const first = await services.runScheduledBackup(T0);
    expect(first.made).toBe(true);
    const dir = join(folder, 'data', DEFAULT_BACKUP_FOLDER_NAME);
    expect(backupsIn(dir)).toHaveLength(1);
    expect(await services.runScheduledBackup(new Date(T0.getTime() + 23 * HOUR))).toMatchObject({ made: false, reason: 'recent' });
    expect((await services.runScheduledBackup(new Date(T0.getTime() + 24 * HOUR))).made).toBe(true);
    expect(backupsIn(dir)).toHaveLength(2);
    const log = services.context.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'backup'").get()!.n;
    expect(log).toBe(2);
  });

  it("uses the clinic's folder and keeps the newest N there, but never less than the last 7 days", async () => {
    const services = open();
    const chosen = join(folder, 'chosen');
    const settings = await call(services, 'getClinicSettings', {});
    expect(settings.backup).toEqual({ folder: '', keep: 30 });
    expect(settings.idleLockMinutes).toBe(5);
    await call(services, 'saveClinicSettings', { settings: { ...settings, backup: { folder: chosen, keep: 2 } } });
    for (let day = 0; day < 10; day++)
      expect((await services.runScheduledBackup(new Date(T0.getTime() + day * 24 * HOUR))).made).toBe(true);
    // keep=2 asked for two; the floor keeps every backup younger than 7 days at the last run (day 9).
    expect(backupsIn(chosen)).toEqual(
      [27, 28, 29, 30]
        .map((day) => `clinicdesk-202611${day}T010000000Z.cdbackup`)
        .concat([1, 2, 3].map((day) => `clinicdesk-2026120${day}T010000000Z.cdbackup`)),
    );
    expect(backupsIn(join(folder, 'data', DEFAULT_BACKUP_FOLDER_NAME))).toEqual([]);
  });

  it('goes by the time sealed in a backup, not its name: one renamed for 2030 does not hold the daily backup off', async () => {
    const services = open();
    const dir = join(folder, 'data', DEFAULT_BACKUP_FOLDER_NAME);
    expect((await services.runScheduledBackup(T0)).made).toBe(true);
    renameSync(join(dir, backupsIn(dir)[0]!), join(dir, 'clinicdesk-20300101T000000000Z.cdbackup'));
    expect(await services.runScheduledBackup(new Date(T0.getTime() + 23 * HOUR))).toMatchObject({ made: false, newest: T0.toISOString() });
    expect((await services.runScheduledBackup(new Date(T0.getTime() + 24 * HOUR))).made).toBe(true);
  });

  it("removes a killed backup's temporary files at the next start, and leaves a running one's alone", async () => {
    const dir = join(folder, 'data', DEFAULT_BACKUP_FOLDER_NAME);
    mkdirSync(dir, { recursive: true });
    const killed = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(killed.stdout);
    const leftovers = [
      `.clinicdesk-20261123T010000000Z.cdbackup.${deadPid}.tmp`,
      `.clinicdesk-20261123T010000000Z.cdbackup.${deadPid}.sqlite.tmp`,
      // An older version's names, with no pid.
      '.clinicdesk-20261122T010000000Z.cdbackup.tmp',
      '.clinicdesk-20261122T010000000Z.cdbackup.sqlite.tmp',
    ];
    // Another door's backup in progress (its process runs: the test runner's parent).
    const running = `.clinicdesk-20261124T005959000Z.cdbackup.${process.ppid}.tmp`;
    for (const name of [...leftovers, running, 'notes.tmp']) writeFileSync(join(dir, name), Buffer.alloc(1024));
    const services = open();
    // What the door's timer calls at start: a backup is due here, but the leftovers go whether or not one is made.
    await services.runScheduledBackup(T0);
    for (const name of leftovers) expect(existsSync(join(dir, name)), name).toBe(false);
    expect(existsSync(join(dir, running))).toBe(true);
    expect(existsSync(join(dir, 'notes.tmp'))).toBe(true);
    for (const name of leftovers) writeFileSync(join(dir, name), Buffer.alloc(1024));
    expect(await services.runScheduledBackup(new Date(T0.getTime() + HOUR))).toMatchObject({ made: false, reason: 'recent' });
    for (const name of leftovers) expect(existsSync(join(dir, name)), name).toBe(false);
  });

  it('refuses a relative folder or a keep of 0, beside the field, and changes nothing', async () => {
    const services = open();
    const settings = await call(services, 'getClinicSettings', {});
    for (const backup of [
      { folder: 'backups', keep: 3 },
      { folder: '', keep: 0 },
    ]) {
      const result = await services.dispatch('saveClinicSettings', { settings: { ...settings, backup } });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error.issues[0]?.path.slice(0, 3)).toEqual(['settings', 'backup', backup.keep === 0 ? 'keep' : 'folder']);
    }
    expect(await call(services, 'getClinicSettings', {})).toEqual(settings);
  });
});

describe('the backup before migrations', () => {
  const older = MIGRATIONS.filter((migration) => migration.version <= 9);
  const PATIENT_ID = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f';
  /** A database as the app before profiles (schema 9) left it: one patient, and the settings given. */
  function olderDatabase(settings?: unknown): void {
    mkdirSync(join(folder, 'data'), { recursive: true });
    const db = openDatabase(databasePath(), TEST_KEY, older);
    // Plain SQL of the schema-9 tables: today's repositories prepare statements for columns added since.
    db.prepare(
      `INSERT INTO patients (id, native_name, latin_name, birth_date, sex, nationality, languages_json, home_time_zone,
      home_currency, arrival, departure, screening_json, created_at, updated_at)
      VALUES (?, '김서연', 'Kim Seoyeon', '1990-01-01', 'female', 'KR', '["ko"]', 'Asia/Seoul', 'KRW', '2026-01-01', '2026-01-02', '{}', 'x', 'x')`,
    ).run(PATIENT_ID);
    if (settings)
      db.prepare('INSERT INTO clinic_settings (key, value_json, updated_at) VALUES (?, ?, ?)').run(
        'clinic',
        JSON.stringify(settings),
        T0.toISOString(),
      );
    db.close();
  }

  it('copies an older database, as it was, before migrating it; restoring the copy gives the old schema', async () => {
    olderDatabase();
    const dir = join(folder, 'data', DEFAULT_BACKUP_FOLDER_NAME);
    expect(backupsIn(dir)).toEqual([]);

    const migrated = open(MIGRATIONS, () => new Date(T0.getTime() + HOUR));
    expect(migrated.context.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(backupsIn(dir)).toEqual(['clinicdesk-20261124T020000000Z.cdbackup']);
    close(migrated);

    // Opening again at the latest schema migrates nothing and backs nothing up.
    close(open());
    expect(backupsIn(dir)).toHaveLength(1);

    const restoredPath = join(folder, 'restored', 'clinicdesk.sqlite');
    const restored = restoreBackup({
      file: join(dir, backupsIn(dir)[0]!),
      databasePath: restoredPath,
      photoRoot: photoRootOf(restoredPath),
      key: TEST_KEY,
    });
    expect(restored.schemaVersion).toBe(9);
    const reopened = openServices({ databasePath: restoredPath, key: TEST_KEY, now: () => T0 });
    opened.push(reopened);
    expect(reopened.context.db.prepare('SELECT native_name FROM patients WHERE id = ?').get(PATIENT_ID)).toEqual({ native_name: '김서연' });
  });

  it('uses the backup folder and retention the older database names in its settings', () => {
    const chosen = join(folder, 'chosen');
    olderDatabase({ ...defaultClinicSettings(clinicalContent().catalog), backup: { folder: chosen, keep: 1 } });
    close(open());
    expect(backupsIn(chosen)).toHaveLength(1);
  });

  it('makes no backup of a new, empty database', () => {
    open();
    expect(backupsIn(join(folder, 'data', DEFAULT_BACKUP_FOLDER_NAME))).toEqual([]);
  });
});
