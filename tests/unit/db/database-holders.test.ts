import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, holdersFolderOf, registerHolder } from '../../../src/main/db/database-holders';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openDatabase } from '../../../src/main/db/open-database';
import { isProcessAlive, processStartTime } from '../../../src/main/db/process-liveness';
import { openServices } from '../../../src/main/services/open-services';
import { TEST_KEY } from '../../support/test-key';

let folder: string;
let databasePath: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-holders-'));
  databasePath = join(folder, 'clinicdesk.sqlite');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The pid of a process that has exited: nothing runs under it (until the OS reuses it, far later). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

function plantHolder(holder: { door: string; pid: number; startTime: string | null; alone: string | null; host?: string }): void {
  registerHolder(databasePath, { door: 'setup' }).release();
  writeFileSync(
    join(holdersFolderOf(databasePath), `${holder.pid}-planted.json`),
    JSON.stringify({ host: hostname(), ...holder, since: '2026-12-01T00:00:00Z' }),
  );
}

describe('database holders', () => {
  it('lets sharing holders run together and refuses one that needs the database alone, naming them', () => {
    const app = registerHolder(databasePath, { door: 'desktop app' });
    const cli = registerHolder(databasePath, { door: 'command line' });
    let refusal: unknown;
    try {
      registerHolder(databasePath, { door: 'restore', alone: 'restore a backup' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseInUseError);
    expect((refusal as Error).message).toMatch(
      /^Cannot restore a backup: the database .* is in use by the .*Close them first, then try again\. Nothing was changed\.$/,
    );
    expect((refusal as Error).message).toContain(`the desktop app (pid ${process.pid}`);
    expect((refusal as Error).message).toContain(`the command line (pid ${process.pid}`);
    // The refused registration left nothing behind: after both close, the database is free.
    app.release();
    cli.release();
    registerHolder(databasePath, { door: 'restore', alone: 'restore a backup' }).release();
    expect(readdirSync(holdersFolderOf(databasePath))).toEqual([]);
  });

  it('refuses to open while a holder has the database alone, and an upgrade while another shares it', () => {
    const restore = registerHolder(databasePath, { door: 'restore', alone: 'restore a backup' });
    expect(() => registerHolder(databasePath, { door: 'preview' })).toThrow(/in use by the restore \(pid \d+, to restore a backup/);
    restore.release();

    const preview = registerHolder(databasePath, { door: 'preview' });
    const app = registerHolder(databasePath, { door: 'desktop app' });
    expect(() => app.requireAlone('encrypt the plain database')).toThrow(/in use by the preview/);
    // Refused, so it shares again: a third holder may still open.
    registerHolder(databasePath, { door: 'command line' }).release();
    preview.release();
    app.requireAlone('encrypt the plain database');
    expect(() => registerHolder(databasePath, { door: 'command line' })).toThrow(DatabaseInUseError);
    app.share();
    registerHolder(databasePath, { door: 'command line' }).release();
    app.release();
  });

  it('ignores and removes the registration of a process that is gone, and says the last close was unclean', () => {
    plantHolder({ door: 'preview', pid: deadPid(), startTime: null, alone: null });
    const restore = registerHolder(databasePath, { door: 'restore', alone: 'restore a backup' });
    expect(restore.uncleanShutdown).toBe(true);
    restore.release();
    expect(readdirSync(holdersFolderOf(databasePath))).toEqual([]);
    const next = registerHolder(databasePath, { door: 'preview' });
    expect(next.uncleanShutdown).toBe(false);
    next.release();
  });

  it('counts a holder on another computer (a data folder on a share) as live, naming the computer', () => {
    plantHolder({ door: 'desktop app', pid: deadPid(), startTime: null, alone: null, host: 'reception-pc' });
    expect(() => registerHolder(databasePath, { door: 'restore', alone: 'restore a backup' })).toThrow(
      /in use by the desktop app \(pid \d+ on reception-pc,/,
    );
  });

  it('takes a live pid with another start time for a reused pid, where the OS tells start times', () => {
    const ownStart = processStartTime(process.pid);
    if (process.platform === 'linux') expect(ownStart).toMatch(/^\d+$/);
    expect(isProcessAlive(process.pid, ownStart)).toBe(true);
    expect(isProcessAlive(deadPid(), null)).toBe(false);
    if (ownStart === null) return;
    expect(isProcessAlive(process.pid, String(Number(ownStart) + 1))).toBe(false);
    plantHolder({ door: 'desktop app', pid: process.pid, startTime: String(Number(ownStart) + 1), alone: null });
    registerHolder(databasePath, { door: 'restore', alone: 'restore a backup' }).release();
  });

  it('does not migrate the schema under a door that still has the database open on the old one', () => {
    // An older door: registered, with the database open at the schema before the newest migration.
    const olderDoor = registerHolder(databasePath, { door: 'preview' });
    const olderDb = openDatabase(databasePath, TEST_KEY, MIGRATIONS.slice(0, -1), { holder: olderDoor });
    const before = olderDb.pragma('user_version', { simple: true });
    expect(() => openServices({ databasePath, key: TEST_KEY, door: 'desktop app' })).toThrow(
      /Cannot migrate the database from schema \d+ to \d+: .*in use by the preview/,
    );
    expect(olderDb.pragma('user_version', { simple: true })).toBe(before);
    olderDb.close();
    olderDoor.release();
    const newer = openServices({ databasePath, key: TEST_KEY, door: 'desktop app' });
    expect(newer.context.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    // Migrated, it shares again.
    registerHolder(databasePath, { door: 'command line' }).release();
    newer.close();
  });
});
