// Backup: a snapshot of the database and every photo file, in one encrypted file (backup-file.ts) in a folder the
// clinic picks, written through a temporary file and a rename so a half-written backup never looks like one. The
// newest `keep` backups in that folder are kept, older ones deleted. A damaged database is not backed up: a copy of
// damage would push a good backup out of the kept ones, so PRAGMA quick_check runs first and damage is refused with
// a message naming the newest good backup.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connect-database';
import { DatabaseDamagedError, describeProblems, quickCheck } from '../db/database-damage';
import { snapshotDatabase } from '../db/snapshot-database';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from '../security/database-key';
import { BACKUP_FORMAT, DATABASE_ENTRY, MANIFEST_ENTRY, photoFilesOf, type Manifest } from './backup-contents';
import { writeBackup, type BackupEntry } from './backup-file';
import { newestBackupFile } from './newest-backup';

export const BACKUP_FILE = /^clinicdesk-\d{8}T\d{6}\d{3}Z\.cdbackup$/;

export interface CreateBackupOptions {
  readonly db: Db;
  readonly photoRoot: string;
  readonly key: DatabaseKey;
  readonly outDir: string;
  /** How many backups to keep in outDir, this one included. */
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
    throw new DatabaseDamagedError(options.db.name, `PRAGMA quick_check before the backup found ${describeProblems(problems)}; no backup was made`, newestBackupFile(options.outDir));
  }
  mkdirSync(options.outDir, { recursive: true });
  const name = fileNameAt(options.now);
  const final = join(options.outDir, name);
  const snapshot = join(options.outDir, `.${name}.sqlite.tmp`);
  const temporary = join(options.outDir, `.${name}.tmp`);
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
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeBackup(deriveKey(options.key, KEY_PURPOSES.backups), entries(), (bytes) => writeFileSync(fd, bytes));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, final);
    return { file: final, photoFiles: photos.length, removed: applyRetention(options.outDir, options.keep) };
  } finally {
    rmSync(snapshot, { force: true });
    rmSync(temporary, { force: true });
  }
}

/** Deletes all but the newest `keep` backups (the names sort by time); other files in the folder are left alone. */
export function applyRetention(outDir: string, keep: number): string[] {
  const backups = readdirSync(outDir).filter((file) => BACKUP_FILE.test(file)).sort();
  const old = backups.slice(0, Math.max(0, backups.length - keep)).map((file) => join(outDir, file));
  for (const file of old) rmSync(file);
  return old;
}
