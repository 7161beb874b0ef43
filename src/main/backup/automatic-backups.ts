// Automatic backups: daily while the app or the preview runs (the door's main sets a timer and calls
// runScheduledBackup; the decision is here, with the clock passed in), and before every migration that changes an
// existing database (openServices passes backupBeforeMigration to openDatabase). Both write the usual encrypted
// backup file (create-backup.ts) with the photos, and keep the clinic's newest N in the folder.
import { dirname, join, resolve } from 'node:path';
import { isBackupDue, newestBackupTime } from '../../shared/domain/backup/backup-schedule';
import { backupSettingsSchema, type BackupSettings } from '../../shared/domain/settings/clinic-settings';
import type { Db } from '../db/connect-database';
import { readSettingBeforeMigration } from '../db/repositories/plans-repository';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from '../security/database-key';
import { backupsIn, removeBackupLeftovers } from './backup-folder';
import { createBackup, type CreatedBackup } from './create-backup';

/** Where backups go when the clinic has not picked a folder: beside the database. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'clinicdesk-backups';

export function backupFolderOf(settings: BackupSettings, databasePath: string): string {
  return settings.folder === '' ? join(dirname(resolve(databasePath)), DEFAULT_BACKUP_FOLDER_NAME) : settings.folder;
}

/**
 * The backup folder the clinic set, read straight from the settings row (a database that is damaged, or not yet
 * migrated, may not get as far as the services); the default folder if it cannot be read.
 */
export function backupFolderFor(db: Db | null, databasePath: string): string {
  let stored: { backup?: unknown } | undefined;
  try {
    stored = db ? (readSettingBeforeMigration(db, 'clinic') as { backup?: unknown } | undefined) : undefined;
  } catch {
    stored = undefined;
  }
  const parsed = backupSettingsSchema.safeParse(stored?.backup);
  return backupFolderOf(parsed.success ? parsed.data : backupSettingsSchema.parse(undefined), databasePath);
}

export type ScheduledBackup =
  | { readonly made: true; readonly file: string; readonly removed: readonly string[] }
  | { readonly made: false; readonly reason: 'recent' | 'unencrypted' | 'server'; readonly newest: string | null };

/**
 * Backs up when the newest backup in the folder, by the time sealed in it, is 24 hours old or older (or there is
 * none). First removes what killed backups left behind: the door's timer runs this at start, then hourly.
 */
export function runScheduledBackup(options: {
  readonly db: Db;
  readonly databasePath: string;
  readonly photoRoot: string;
  readonly key: DatabaseKey | 'unencrypted';
  readonly settings: BackupSettings;
  readonly now: Date;
}): ScheduledBackup {
  const folder = backupFolderOf(options.settings, options.databasePath);
  removeBackupLeftovers(folder, options.now);
  // The benchmark's plain baseline has no key to seal a backup with, nor to read the time sealed in one.
  if (options.key === 'unencrypted') return { made: false, reason: 'unencrypted', newest: null };
  const newest = newestBackupTime(
    backupsIn(folder, deriveKey(options.key, KEY_PURPOSES.backups)).dated.map((backup) => backup.createdAt),
    options.now,
  );
  if (!isBackupDue(newest, options.now)) return { made: false, reason: 'recent', newest: newest?.toISOString() ?? null };
  const created = createBackup({
    db: options.db,
    photoRoot: options.photoRoot,
    key: options.key,
    outDir: folder,
    keep: options.settings.keep,
    now: options.now,
  });
  return { made: true, file: created.file, removed: created.removed };
}

/**
 * The backup before migrations: the database as it is (its WAL checkpointed into it first), still encrypted, in
 * the clinic's backup folder or beside the database. Restoring it gives the old schema, which migrates again at open.
 */
export function backupBeforeMigration(options: {
  readonly databasePath: string;
  readonly photoRoot: string;
  readonly key: DatabaseKey;
  readonly now: () => Date;
}): (db: Db, from: number, to: number) => CreatedBackup {
  return (db) => {
    const stored = readSettingBeforeMigration(db, 'clinic') as { backup?: unknown } | undefined;
    const parsed = backupSettingsSchema.safeParse(stored?.backup);
    const settings = parsed.success ? parsed.data : backupSettingsSchema.parse(undefined);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return createBackup({
      db,
      photoRoot: options.photoRoot,
      key: options.key,
      outDir: backupFolderOf(settings, options.databasePath),
      keep: settings.keep,
      now: options.now(),
    });
  };
}
