// Backup: a snapshot of the database and every photo file, in one encrypted file (backup-file.ts) in a folder the
// clinic picks, written through a temporary file and a rename so a half-written backup never looks like one. Then
// retention (backup-retention.ts): the newest `keep` by the time sealed in each backup, never below the floor. A
// damaged database is not backed up: a copy of damage would push a good backup out of the kept ones, so PRAGMA
// quick_check runs first and damage is refused with a message naming the newest backup.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connect-database';
import { DatabaseDamagedError, describeProblems, quickCheck } from '../db/database-damage';
import { snapshotDatabase } from '../db/snapshot-database';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from '../security/database-key';
import { BACKUP_FORMAT, DATABASE_ENTRY, MANIFEST_ENTRY, photoFilesOf, type Manifest } from './backup-contents';
import { writeBackup, type BackupEntry } from './backup-file';
import { backupsIn, removeBackupLeftovers, temporaryNamesOf } from './backup-folder';
import { backupsToPrune } from '../../shared/domain/backup/backup-retention';
import { newestBackupFile } from './newest-backup';

export interface CreateBackupOptions {
  readonly db: Db;
  readonly photoRoot: string;
  readonly key: DatabaseKey;
  readonly outDir: string;
  /** How many backups to keep in outDir, this one included (never fewer than the retention floor allows). */
  readonly keep: number;
  readonly now: Date;
}

export interface CreatedBackup {
  readonly file: string;
  readonly photoFiles: number;
  readonly removed: readonly string[];
}

const fileNameAt = (now: Date) => `clinicdesk-${now.toISOString().replace(/[-:]/g, '').replace('.', '')}.cdbackup`;

export function createBackup(options: CreateBackupOptions): CreatedBackup {
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new RangeError('keep must be a whole number, at least 1');
  const problems = quickCheck(options.db);
  if (problems.length > 0) {
    throw new DatabaseDamagedError(
      options.db.name,
      `PRAGMA quick_check before the backup found ${describeProblems(problems)}; no backup was made`,
      newestBackupFile(options.outDir),
    );
  }
  mkdirSync(options.outDir, { recursive: true });
  // A backup killed half-way left its temporary files (tens of MB); they go before this one adds its own.
  removeBackupLeftovers(options.outDir, options.now);
  const name = fileNameAt(options.now);
  const final = join(options.outDir, name);
  const temporaryNames = temporaryNamesOf(name);
  const snapshot = join(options.outDir, temporaryNames.snapshot);
  const temporary = join(options.outDir, temporaryNames.sealed);
  try {
    // The database first, then the photo files: photos are written before the rows that name them and never
    // deleted, so every photo the snapshot refers to is on disk by now.
    snapshotDatabase(options.db, snapshot);
    const photos = photoFilesOf(options.photoRoot);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: options.now.toISOString(),
      schemaVersion: options.db.pragma('user_version', { simple: true }) as number,
      photoFiles: photos.length,
    };
    function* entries(): Generator<BackupEntry> {
      yield { name: MANIFEST_ENTRY, data: Buffer.from(JSON.stringify(manifest), 'utf8') };
      yield { name: DATABASE_ENTRY, data: readFileSync(snapshot) };
      for (const photo of photos) yield { name: photo, data: readFileSync(join(options.photoRoot, photo)) };
    }
    const backupKey = deriveKey(options.key, KEY_PURPOSES.backups);
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeBackup(backupKey, entries(), (bytes) => writeFileSync(fd, bytes));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, final);
    return { file: final, photoFiles: photos.length, removed: applyRetention(options.outDir, options.keep, backupKey, options.now) };
  } finally {
    rmSync(snapshot, { force: true });
    rmSync(temporary, { force: true });
  }
}

/**
 * Deletes the backups retention lets go (backup-retention.ts), placed in time by their sealed creation time.
 * Files that are not backups this key opens, and other files, are left alone.
 */
export function applyRetention(outDir: string, keep: number, backupKey: Buffer, now: Date): string[] {
  const old = backupsToPrune(backupsIn(outDir, backupKey).dated, keep, now);
  for (const file of old) rmSync(file);
  return old;
}
