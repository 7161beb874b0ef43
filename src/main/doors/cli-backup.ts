// The CLI's backup and restore commands: argument checks and messages around src/main/backup. A restore runs with
// no services open, since it replaces the database file under them.
import { BackupCorruptError } from '../backup/backup-file';
import { createBackup } from '../backup/create-backup';
import { restoreBackup, RestoreInterruptedError } from '../backup/restore-backup';
import { DatabaseDamagedError } from '../db/database-damage';
import { DatabaseInUseError } from '../db/database-holders';
import type { Db } from '../db/open-database';
import type { DatabaseKey } from '../security/database-key';
import { photoRootOf } from '../services/open-services';
import type { CliIo } from './cli';

export function backupCommand(io: CliIo, options: { db: Db; databasePath: string; key: DatabaseKey; out: string | undefined; keep: string }): number {
  const keep = Number(options.keep);
  if (!options.out || !Number.isInteger(keep) || keep < 1) {
    io.err('Name the folder, and a whole number of backups to keep: backup --out DIR [--keep N].');
    return 2;
  }
  let created;
  try {
    created = createBackup({ db: options.db, photoRoot: photoRootOf(options.databasePath), key: options.key, outDir: options.out, keep, now: new Date() });
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    io.err(error.message);
    return 1;
  }
  io.out(`Backup written: ${created.file} (${created.photoFiles} photo files).`);
  for (const removed of created.removed) io.out(`Older backup removed: ${removed}`);
  return 0;
}

export function restoreCommand(io: CliIo, options: { file: string | undefined; rest: readonly string[]; databasePath: string; key: DatabaseKey }): number {
  if (!options.file || options.rest.length > 0) {
    io.err('Name one backup file: restore FILE.');
    return 2;
  }
  try {
    const restored = restoreBackup({ file: options.file, databasePath: options.databasePath, photoRoot: photoRootOf(options.databasePath), key: options.key });
    io.out(`Restored the backup of ${restored.createdAt} (${restored.photoFiles} photo files) into ${options.databasePath}.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupCorruptError || error instanceof RestoreInterruptedError || error instanceof DatabaseInUseError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
