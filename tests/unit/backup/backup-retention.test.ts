// Retention by the time sealed in each backup, never by its name, with the floor no setting lowers: the policy
// (pure), then real backup files in a folder.
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsIn, sealedCreationTime } from '../../../src/main/backup/backup-folder';
import { applyRetention, createBackup } from '../../../src/main/backup/create-backup';
import { deriveKey, KEY_PURPOSES, newDatabaseKey } from '../../../src/main/security/database-key';
import { backupsToPrune, MIN_BACKUP_RETENTION_DAYS } from '../../../src/shared/domain/backup/backup-retention';
import { openTempServices, type TempServices } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-24T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const backupKey = deriveKey(TEST_KEY, KEY_PURPOSES.backups);

describe('which backups retention deletes (pure)', () => {
  const dated = (...days: number[]) => days.map((day) => ({ file: `b${day}`, createdAt: daysAgo(day) }));

  it('deletes beyond the newest N only what is older than the floor', () => {
    expect(MIN_BACKUP_RETENTION_DAYS).toBe(7);
    expect(backupsToPrune(dated(0, 1, 2, 3, 4, 5, 6), 2, NOW)).toEqual([]);
    expect(backupsToPrune(dated(0, 1, 2, 8, 9, 30), 2, NOW)).toEqual(['b30', 'b9', 'b8']);
    expect(backupsToPrune(dated(0, 1, 2, 8, 9, 30), 4, NOW)).toEqual(['b30', 'b9']);
  });

  it('never deletes the only backup older than a day', () => {
    expect(backupsToPrune(dated(0, 0.1, 0.2, 40), 1, NOW)).toEqual([]);
    expect(backupsToPrune(dated(0, 40, 50), 1, NOW)).toEqual(['b50']);
  });

  it('keeps a backup from the future (a clock set wrong) rather than guess', () => {
    expect(backupsToPrune(dated(-400, 0, 10, 20), 1, NOW)).toEqual(['b20']);
  });
});

describe('retention of real backup files', () => {
  let services: TempServices;
  let folder: string;
  beforeEach(() => {
    services = openTempServices();
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-retention-'));
  });
  afterEach(() => {
    services.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
  const backupAt = (at: Date, keep = 30) =>
    createBackup({
      db: services.context.db,
      photoRoot: join(services.folder, 'clinicdesk-photos'),
      key: TEST_KEY,
      outDir: folder,
      keep,
      now: at,
    }).file;
  const names = () => readdirSync(folder).sort();

  it('reads the creation time sealed in a backup from its start alone, and nothing from a foreign or forged file', () => {
    const file = backupAt(daysAgo(3));
    expect(sealedCreationTime(backupKey, file)?.toISOString()).toBe(daysAgo(3).toISOString());
    // The database and the end marker are not needed: a file cut after its manifest still gives its time.
    truncateSync(file, 600);
    expect(statSync(file).size).toBe(600);
    expect(sealedCreationTime(backupKey, file)?.toISOString()).toBe(daysAgo(3).toISOString());
    expect(sealedCreationTime(deriveKey(newDatabaseKey(), KEY_PURPOSES.backups), file)).toBeNull();
    const forged = join(folder, 'clinicdesk-20300101T000000000Z.cdbackup');
    writeFileSync(forged, Buffer.concat([Buffer.from('CDBK\x01', 'latin1'), Buffer.alloc(600)]));
    expect(sealedCreationTime(backupKey, forged)).toBeNull();
  });

  it('prunes a backup named for 2030 by the time in it', () => {
    const old = backupAt(daysAgo(20));
    const renamed = join(folder, 'clinicdesk-20300101T000000000Z.cdbackup');
    renameSync(old, renamed);
    for (const days of [10, 9, 1]) backupAt(daysAgo(days));
    backupAt(NOW, 2);
    // Named for 2030, made 20 days ago: beyond the newest 2 and older than the floor, so it goes (and those of 10
    // and 9 days ago with it); by name it would have been the newest and stayed for ever.
    expect(existsSync(renamed)).toBe(false);
    expect(names()).toEqual(['clinicdesk-20261123T100000000Z.cdbackup', 'clinicdesk-20261124T100000000Z.cdbackup']);
  });

  it('with keep=2, several real older backups are not deleted below the floor of days', () => {
    for (const days of [6, 5, 4, 3, 2, 1]) backupAt(daysAgo(days), 2);
    backupAt(NOW, 2);
    backupAt(new Date(NOW.getTime() + 60_000), 2);
    expect(names()).toHaveLength(8);
  });

  it('never deletes the only backup older than a day, whatever keep says', () => {
    const month = backupAt(daysAgo(30));
    backupAt(new Date(NOW.getTime() - 60_000), 1);
    backupAt(NOW, 1);
    expect(existsSync(month)).toBe(true);
    expect(names()).toHaveLength(3);
  });

  it('leaves alone files named like backups that this key cannot open: it cannot tell their time', () => {
    const foreign = join(folder, 'clinicdesk-20200101T000000000Z.cdbackup');
    writeFileSync(foreign, 'not a backup');
    for (const days of [30, 20, 10]) backupAt(daysAgo(days));
    expect(applyRetention(folder, 1, backupKey, NOW)).toEqual(
      [20, 30].map((days) => join(folder, `clinicdesk-${daysAgo(days).toISOString().replace(/[-:.]/g, '')}.cdbackup`)).reverse(),
    );
    expect(existsSync(foreign)).toBe(true);
    expect(backupsIn(folder, backupKey).unreadable).toEqual([foreign]);
  });
});
