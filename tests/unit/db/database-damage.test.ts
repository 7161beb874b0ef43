// Damage is found at once and said in words with the way out: before a backup, at open after an unclean shutdown,
// in the background otherwise; a cut or empty database file and a write-ahead log with commits SQLite would drop
// are refused, untouched.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../src/main/backup/create-backup';
import { DatabaseDamagedError } from '../../../src/main/db/database-damage';
import { holdersFolderOf } from '../../../src/main/db/database-holders';
import { inspectWal } from '../../../src/main/db/wal-frames';
import { runCli } from '../../../src/main/doors/cli';
import { memoryAppLog } from '../../../src/main/logging/app-log';
import { openServices } from '../../../src/main/services/open-services';
import type { LogEntry } from '../../../src/main/structured-log';
import { fixtureIntake, openTempServices } from '../../support/temp-services';
import { openTestDatabase, TEST_KEY, writeTestKeyFile } from '../../support/test-key';

const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-damage-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const PAGE = 4096;
const FRAME = 24 + PAGE;

/** A closed database with three patients and one good backup in the default folder beside it. */
async function databaseWithBackup(): Promise<{ folder: string; databasePath: string; backup: string }> {
  const services = openTempServices();
  folders.push(services.folder);
  for (const language of ['ko', 'ja', 'th']) await services.dispatch('createPatient', { patient: fixtureIntake(language) });
  const made = createBackup({
    db: services.context.db,
    photoRoot: join(services.folder, 'clinicdesk-photos'),
    key: TEST_KEY,
    outDir: join(services.folder, 'clinicdesk-backups'),
    keep: 5,
    now: new Date('2026-11-20T00:00:00Z'),
  });
  services.close();
  return { folder: services.folder, databasePath: join(services.folder, 'clinicdesk.sqlite'), backup: made.file };
}

/** Flips bytes inside the patients table's root page: an inner page, not the header page the key check reads. */
function damageInnerPage(databasePath: string): void {
  const db = openTestDatabase(databasePath, { readonly: true });
  const root = db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_schema WHERE name = 'patients'").get()!.rootpage;
  db.close();
  expect(root).toBeGreaterThan(1);
  const bytes = readFileSync(databasePath);
  for (let at = 0; at < 16; at += 1) bytes[(root - 1) * PAGE + 600 + at]! ^= 0x5a;
  writeFileSync(databasePath, bytes);
}

/** What a process killed while holding the database leaves: its registration, its pid gone. */
function leaveUncleanShutdown(databasePath: string): void {
  mkdirSync(holdersFolderOf(databasePath), { recursive: true });
  const pid = spawnSync(process.execPath, ['-e', '']).pid!;
  writeFileSync(
    join(holdersFolderOf(databasePath), `${pid}-killed.json`),
    JSON.stringify({ door: 'preview', pid, startTime: null, alone: null, since: '2026-12-01T00:00:00Z' }),
  );
}

async function cli(databasePath: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const keyFile = writeTestKeyFile(tempFolder());
  const code = await runCli(['--db', databasePath, '--key-file', keyFile, ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const oneLine = (text: string) => expect(text.trim().split('\n')).toHaveLength(1);

describe('a damaged page', () => {
  it('refuses the backup with a message naming the newest good backup, and writes none', async () => {
    const { databasePath, folder, backup } = await databaseWithBackup();
    damageInnerPage(databasePath);
    const result = await cli(databasePath, 'backup', '--out', join(folder, 'clinicdesk-backups'));
    expect(result.code).toBe(1);
    oneLine(result.err);
    expect(result.err).toMatch(
      /is damaged: PRAGMA quick_check before the backup found .*no backup was made\. Keep a copy of the damaged files/,
    );
    expect(result.err).toContain(`restore the newest backup, ${backup}`);
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(folder, 'clinicdesk-backups'))).toEqual([backup.split('/').at(-1)]);
  });

  it('is reported at open after an unclean shutdown, before anything is written', async () => {
    const { databasePath, backup } = await databaseWithBackup();
    damageInnerPage(databasePath);
    leaveUncleanShutdown(databasePath);
    const before = readFileSync(databasePath);
    let refusal: unknown;
    try {
      openServices({ databasePath, key: TEST_KEY, log: () => {} });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseDamagedError);
    expect((refusal as Error).message).toMatch(/PRAGMA quick_check after an unclean shutdown found .*restore the newest backup/);
    expect((refusal as DatabaseDamagedError).newestBackup).toBe(backup);
    expect(readFileSync(databasePath).equals(before)).toBe(true);

    // Through the CLI: one line, exit 2, no stack trace (the refused open left its registration stale again).
    leaveUncleanShutdown(databasePath);
    const result = await cli(databasePath, 'info');
    expect(result.code).toBe(2);
    oneLine(result.err);
    expect(result.err).toMatch(/is damaged/);
  });

  it('passes the check at open after an unclean shutdown when the pages are sound', async () => {
    const { databasePath } = await databaseWithBackup();
    leaveUncleanShutdown(databasePath);
    const logged: LogEntry[] = [];
    const services = openServices({ databasePath, key: TEST_KEY, log: (entry) => logged.push(entry) });
    const info = await services.dispatch('getAppInfo', {});
    services.close();
    expect(info).toMatchObject({ ok: true, value: { patientCount: 3, databaseCheck: { state: 'ok' } } });
    expect(logged).toEqual([expect.objectContaining({ event: 'database_check', when: 'open_after_unclean_shutdown', result: 'ok' })]);
  });

  it('is found in the background after a clean open, without holding up the first answer', async () => {
    const { databasePath, backup } = await databaseWithBackup();
    damageInnerPage(databasePath);
    const logged: LogEntry[] = [];
    let reported!: () => void;
    const done = new Promise<void>((resolve) => (reported = resolve));
    const supportLog = memoryAppLog();
    const services = openServices({
      databasePath,
      key: TEST_KEY,
      checkInBackground: true,
      appLog: supportLog,
      log: (entry) => {
        logged.push(entry);
        reported();
      },
    });
    try {
      // Answered at once, with the check still running.
      const first = await services.dispatch('getAppInfo', {});
      expect(first).toMatchObject({ ok: true, value: { databaseCheck: { state: 'running' } } });
      await done;
      expect(logged).toEqual([expect.objectContaining({ event: 'database_check', when: 'background', result: 'damaged' })]);
      // The support log has the facts, not the message (it names the backup's path).
      expect(supportLog.entries.find(({ record }) => record.event === 'database_check')).toEqual({
        level: 'error',
        record: { event: 'database_check', when: 'background', result: 'damaged', problemCount: expect.any(Number) },
      });
      const after = await services.dispatch('getAppInfo', {});
      expect(after).toMatchObject({
        ok: true,
        value: { databaseCheck: { state: 'damaged', message: expect.stringContaining(`restore the newest backup, ${backup}`) } },
      });
    } finally {
      services.close();
    }
  });

  it('answers a channel that reads it with database_damaged and the way out; the CLI prints one line', async () => {
    const { databasePath } = await databaseWithBackup();
    damageInnerPage(databasePath);
    const logged: LogEntry[] = [];
    const services = openServices({ databasePath, key: TEST_KEY, log: (entry) => logged.push(entry) });
    const result = await services.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 50 });
    services.close();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'database_damaged', message: expect.stringMatching(/is damaged: reading it failed .*restore the newest backup/) },
    });
    expect(logged).toEqual([expect.objectContaining({ event: 'database_damaged' })]);

    const search = await cli(databasePath, 'patients', 'search', 'a');
    expect(search.code).toBe(1);
    oneLine(search.err);
    expect(search.err).toMatch(/is damaged/);
  });
});

describe('any damaged page, met by a CLI command', () => {
  it('gives one line and a non-zero exit, never a stack trace', async () => {
    const { databasePath } = await databaseWithBackup();
    const whole = readFileSync(databasePath);
    const refused: number[] = [];
    for (let page = 2; page <= whole.length / PAGE; page += 1) {
      const damaged = Buffer.from(whole);
      for (let at = 0; at < 16; at += 1) damaged[(page - 1) * PAGE + 700 + at]! ^= 0x5a;
      writeFileSync(databasePath, damaged);
      for (const command of [['info'], ['patients', 'search', 'a'], ['audit', 'verify'], ['backup', '--out', tempFolder()]]) {
        const result = await cli(databasePath, ...command);
        expect(result.err, `page ${page}, ${command.join(' ')}`).not.toMatch(/\n\s+at /);
        if (result.code === 0) continue;
        refused.push(page);
        oneLine(result.err);
        expect(result.err, `page ${page}, ${command.join(' ')}`).toMatch(/is damaged|cannot be read with this key/);
      }
    }
    // Most pages are in use, so the backup's quick_check meets their damage if no other command does.
    expect(new Set(refused).size).toBeGreaterThan(whole.length / PAGE / 2);
  });
});

describe('a database file cut short', () => {
  it('refuses a 0-byte file and leaves it at 0 bytes, instead of making a new empty database', async () => {
    const databasePath = join(tempFolder(), 'clinicdesk.sqlite');
    writeFileSync(databasePath, '');
    expect(() => openServices({ databasePath, key: TEST_KEY })).toThrow(/is damaged: the file is empty \(0 bytes\)/);
    expect(statSync(databasePath).size).toBe(0);
    const result = await cli(databasePath, 'info');
    expect(result.code).toBe(2);
    oneLine(result.err);
    expect(statSync(databasePath).size).toBe(0);
    expect(readdirSync(join(databasePath, '..')).filter((name) => name.startsWith('clinicdesk.sqlite-'))).toEqual([]);
  });

  it('refuses a file that ends inside a page, or is shorter than one, untouched', async () => {
    const { databasePath } = await databaseWithBackup();
    const whole = readFileSync(databasePath);
    for (const size of [whole.length - 100, 1000]) {
      writeFileSync(databasePath, whole.subarray(0, size));
      expect(() => openServices({ databasePath, key: TEST_KEY }), String(size)).toThrow(/it was cut short/);
      expect(statSync(databasePath).size).toBe(size);
    }
  });
});

describe('the write-ahead log', () => {
  /** The database and its WAL as a crash leaves them: copied while the connection is open, four commits in the WAL. */
  async function crashCopy(): Promise<{ databasePath: string; frames: number }> {
    const services = openTempServices();
    folders.push(services.folder);
    services.context.db.pragma('wal_autocheckpoint = 0');
    services.context.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const language of ['ko', 'ja', 'th', 'vi']) await services.dispatch('createPatient', { patient: fixtureIntake(language) });
    const copy = join(tempFolder(), 'clinicdesk.sqlite');
    copyFileSync(join(services.folder, 'clinicdesk.sqlite'), copy);
    copyFileSync(join(services.folder, 'clinicdesk.sqlite-wal'), `${copy}-wal`);
    services.close();
    const wal = inspectWal(`${copy}-wal`)!;
    expect(wal).toMatchObject({ replayed: wal.frames, damage: null });
    expect(wal.frames).toBeGreaterThan(8);
    return { databasePath: copy, frames: wal.frames };
  }

  const flipInFrame = (walPath: string, frame: number) => {
    const bytes = readFileSync(walPath);
    bytes[32 + frame * FRAME + 24 + 2000]! ^= 0x01;
    writeFileSync(walPath, bytes);
  };

  it('as copied, replays all four commits', async () => {
    const { databasePath } = await crashCopy();
    const services = openServices({ databasePath, key: TEST_KEY });
    expect(await services.context.store.read((tx) => tx.patients.count())).toBe(4);
    services.close();
  });

  it('reports a damaged frame in the middle, with commits after it, and opens nothing', async () => {
    const { databasePath, frames } = await crashCopy();
    flipInFrame(`${databasePath}-wal`, 1);
    const before = readFileSync(`${databasePath}-wal`);
    expect(inspectWal(`${databasePath}-wal`)).toMatchObject({
      frames,
      replayed: 1,
      damage: { frame: 2, commitsAfter: expect.any(Number) },
    });
    expect(() => openServices({ databasePath, key: TEST_KEY })).toThrow(
      /frame 2 of its write-ahead log .* fails its checksum, and \d+ committed write\(s\) after it would be dropped/,
    );
    expect(readFileSync(`${databasePath}-wal`).equals(before)).toBe(true);
    const result = await cli(databasePath, 'info');
    expect(result.code).toBe(2);
    oneLine(result.err);

    // What the check prevents: SQLite itself opens a copy without a word and has lost the later commits.
    const copy = join(tempFolder(), 'clinicdesk.sqlite');
    copyFileSync(databasePath, copy);
    copyFileSync(`${databasePath}-wal`, `${copy}-wal`);
    const bare = openTestDatabase(copy);
    expect(bare.prepare<[], number>('SELECT count(*) FROM patients').pluck().get()).toBeLessThan(4);
    bare.close();
  });

  it('takes a torn last frame for what a crash leaves, not damage', async () => {
    const { databasePath, frames } = await crashCopy();
    // The last frame half written...
    truncateSync(`${databasePath}-wal`, 32 + (frames - 1) * FRAME + 3000);
    expect(inspectWal(`${databasePath}-wal`)).toMatchObject({ frames: frames - 1, damage: null });
    // ...or written whole with wrong bytes: either way nothing valid follows.
    const whole = join(tempFolder(), 'clinicdesk.sqlite');
    const again = await crashCopy();
    copyFileSync(again.databasePath, whole);
    copyFileSync(`${again.databasePath}-wal`, `${whole}-wal`);
    flipInFrame(`${whole}-wal`, again.frames - 1);
    expect(inspectWal(`${whole}-wal`)).toMatchObject({ replayed: again.frames - 1, damage: null });
    for (const path of [databasePath, whole]) {
      const services = openServices({ databasePath: path, key: TEST_KEY });
      // The last commit was in the torn frame: three patients, as SQLite rightly replays.
      expect(await services.context.store.read((tx) => tx.patients.count())).toBe(3);
      services.close();
    }
  });
});
