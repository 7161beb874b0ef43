// The CLI's backup and restore commands: argument checks and messages around src/main/backup. A restore runs with
// no services open, since it replaces the database file under them.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BackupCorruptError } from '../backup/backup-file';
import { createBackup } from '../backup/create-backup';
import { restoreBackup, RestoreInterruptedError } from '../backup/restore-backup';
import { DatabaseDamagedError } from '../db/database-damage';
import { DatabaseInUseError } from '../db/database-holders';
import type { Db } from '../db/open-database';
import type { DatabaseKey } from '../security/database-key';
import { photoRootOf } from '../services/open-services';
import { ANCHORS_FILE_NAME } from '../services/audit/anchor-file';
import type { AuditAnchors } from '../services/audit/audit-anchoring';
import type { Store } from '../db/store/store';
import type { CliIo } from './cli';

export async function backupCommand(
  io: CliIo,
  options: {
    db: Db;
    store: Store;
    databasePath: string;
    key: DatabaseKey;
    out: string | undefined;
    keep: string;
    anchors: Pick<AuditAnchors, 'anchor'>;
  },
): Promise<number> {
  const keep = Number(options.keep);
  if (!options.out || !Number.isInteger(keep) || keep < 1) {
    io.err('Name the folder, and a whole number of backups to keep: backup --out DIR [--keep N].');
    return 2;
  }
  let created;
  try {
    // With no transaction open, as the app's scheduled backup: the file as the last commit left it.
    const outDir = options.out;
    created = await options.store.exclusive(async () =>
      createBackup({ db: options.db, photoRoot: photoRootOf(options.databasePath), key: options.key, outDir, keep, now: new Date() }),
    );
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    io.err(error.message);
    return 1;
  }
  io.out(`Backup written: ${created.file} (${created.photoFiles} photo files).`);
  // Logged as the app logs its own backups: a copy of every patient's record left the database, so the log says when.
  await options.store.transaction((tx) => tx.audit.record('backup', null));
  for (const removed of created.removed) io.out(`Older backup removed: ${removed}`);
  // The head as backed up, beside the database and in the backup folder, which may leave the machine.
  const anchored = await options.anchors.anchor(new Date(), { copies: [join(dirname(created.file), ANCHORS_FILE_NAME)] });
  if (anchored.written)
    io.out(`Audit log anchored (${anchored.anchor.count} ${anchored.anchor.count === 1 ? 'entry' : 'entries'}); code: ${anchored.code}`);
  else if (anchored.reason !== 'no_key') {
    io.err(
      `The audit log was not anchored: it no longer matches its newest anchor or its chain is broken (${anchored.reason}); run \`audit verify\`.`,
    );
    return 1;
  }
  return 0;
}

export function restoreCommand(
  io: CliIo,
  options: { file: string | undefined; databasePath: string; key: DatabaseKey; anchorsPath: string },
): number {
  if (!options.file) {
    io.err('Name one backup file: restore FILE.');
    return 2;
  }
  try {
    const restored = restoreBackup({
      file: options.file,
      databasePath: options.databasePath,
      photoRoot: photoRootOf(options.databasePath),
      key: options.key,
    });
    io.out(`Restored the backup of ${restored.createdAt} (${restored.photoFiles} photo files) into ${options.databasePath}.`);
    // The audit log is now the backup's, shorter than the newest anchor: `audit verify` would call that a cut tail,
    // and the daily anchor would refuse it, until the person restoring (with the anchor key) anchors it as restored.
    if (existsSync(options.anchorsPath))
      io.out("The audit log is the backup's now: anchor it with `audit anchor --after-restore` (with the anchor key).");
    return 0;
  } catch (error) {
    if (error instanceof BackupCorruptError || error instanceof RestoreInterruptedError || error instanceof DatabaseInUseError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
