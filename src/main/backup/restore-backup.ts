// Restore: everything is checked before anything is replaced. The backup is read and authenticated whole, its
// database is written beside the live one and checked (integrity, schema version), every photo file is checked
// (it must decrypt under its name); only then are the live database and photo folder renamed aside, the restored
// ones renamed in, and the result opened. The previous ones are deleted only after that open succeeds; on any
// failure they are renamed back. All of it needs the database alone: a program that still has it open would go on
// writing to the replaced files (database-holders.ts), so a restore is refused while any other one is registered.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkDatabaseFile } from '../db/snapshot-database';
import { DatabaseKeyError } from '../db/connect-database';
import { registerHolder } from '../db/database-holders';
import { openDatabase, SCHEMA_VERSION } from '../db/open-database';
import { decryptPhoto } from '../photos/photo-cipher';
import { deriveKey, KEY_PURPOSES, type DatabaseKey } from '../security/database-key';
import { BACKUP_FORMAT, DATABASE_ENTRY, MANIFEST_ENTRY, PHOTO_ENTRY, storeNameOf, type Manifest } from './backup-contents';
import { BackupCorruptError, readBackup } from './backup-file';

export interface RestoreOptions {
  readonly file: string;
  readonly databasePath: string;
  readonly photoRoot: string;
  readonly key: DatabaseKey;
}

export interface Restored {
  readonly createdAt: string;
  readonly schemaVersion: number;
  readonly photoFiles: number;
}

export class RestoreInterruptedError extends Error {
  constructor(path: string) {
    super(
      `${path} is left from a restore that did not finish: it may be the only copy of the earlier data. ` +
        'Move it somewhere safe, then restore again. Nothing was changed.',
    );
    this.name = 'RestoreInterruptedError';
  }
}

const ASIDE = '.before-restore';
const STAGED = '.restoring';

export function restoreBackup(options: RestoreOptions): Restored {
  const registration = registerHolder(options.databasePath, { door: 'restore', alone: 'restore a backup' });
  try {
    return restoreAlone(options);
  } finally {
    registration.release();
  }
}

function restoreAlone(options: RestoreOptions): Restored {
  const { file, databasePath, photoRoot, key } = options;
  const corrupt = (why: string): never => {
    throw new BackupCorruptError(file, why);
  };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return corrupt(`it cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const entries = readBackup(deriveKey(key, KEY_PURPOSES.backups), file, bytes);
  const [manifestEntry, databaseEntry, ...photos] = entries;
  if (manifestEntry?.name !== MANIFEST_ENTRY || databaseEntry?.name !== DATABASE_ENTRY) return corrupt('its contents are not in order');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestEntry.data.toString('utf8')) as Manifest;
  } catch {
    return corrupt('its manifest is not JSON');
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.photoFiles !== photos.length) corrupt('its manifest does not match it');
  if (manifest.schemaVersion > SCHEMA_VERSION) corrupt(`it was made by a newer ClinicDesk (schema ${manifest.schemaVersion})`);

  const livePaths = [databasePath, `${databasePath}-wal`, `${databasePath}-shm`, photoRoot];
  for (const path of livePaths) if (existsSync(`${path}${ASIDE}`)) throw new RestoreInterruptedError(`${path}${ASIDE}`);

  // Stage and check, beside the live data (same disk, so the renames below are atomic).
  mkdirSync(dirname(databasePath), { recursive: true });
  const stagedDatabase = `${databasePath}${STAGED}`;
  const stagedPhotos = `${photoRoot}${STAGED}`;
  const clearStaging = () => {
    for (const path of [stagedDatabase, `${stagedDatabase}-wal`, `${stagedDatabase}-shm`, stagedPhotos])
      rmSync(path, { recursive: true, force: true });
  };
  clearStaging();
  try {
    writeFileSync(stagedDatabase, databaseEntry.data, { mode: 0o600 });
    let check;
    try {
      check = checkDatabaseFile(stagedDatabase, key);
    } catch (error) {
      if (error instanceof DatabaseKeyError) return corrupt('its database does not open with this key');
      return corrupt(`its database does not open: ${(error as Error).message}`);
    }
    if (check.integrity !== 'ok') corrupt(`its database fails the integrity check: ${check.integrity}`);
    if (check.userVersion !== manifest.schemaVersion) corrupt('its database is not the schema version its manifest says');

    const photoKey = deriveKey(key, KEY_PURPOSES.photos);
    for (const photo of photos) {
      if (!PHOTO_ENTRY.test(photo.name)) corrupt(`it holds an unexpected file, ${JSON.stringify(photo.name)}`);
      try {
        decryptPhoto(photoKey, storeNameOf(photo.name), photo.data);
      } catch {
        corrupt(`its photo ${photo.name} fails authentication`);
      }
      mkdirSync(dirname(join(stagedPhotos, photo.name)), { recursive: true });
      writeFileSync(join(stagedPhotos, photo.name), photo.data, { mode: 0o600 });
    }
    mkdirSync(stagedPhotos, { recursive: true });
    writeFileSync(join(stagedPhotos, 'encrypted-v1'), 'Every photo and thumbnail in this folder is encrypted (AES-256-GCM).\n');
  } catch (error) {
    clearStaging();
    throw error;
  }

  // Swap: the live files aside (the database with its WAL, so they stay a pair), the staged ones in.
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const path of livePaths) {
      if (!existsSync(path)) continue;
      renameSync(path, `${path}${ASIDE}`);
      movedAside.push(path);
    }
    renameSync(stagedDatabase, databasePath);
    movedIn.push(databasePath);
    renameSync(stagedPhotos, photoRoot);
    movedIn.push(photoRoot);
    // The real open: key, WAL, and the migrations of a backup from an older schema.
    openDatabase(databasePath, key).close();
  } catch (error) {
    for (const path of [...movedIn, `${databasePath}-wal`, `${databasePath}-shm`]) rmSync(path, { recursive: true, force: true });
    for (const path of movedAside) renameSync(`${path}${ASIDE}`, path);
    clearStaging();
    throw error;
  }
  for (const path of movedAside) rmSync(`${path}${ASIDE}`, { recursive: true, force: true });
  return { createdAt: manifest.createdAt, schemaVersion: manifest.schemaVersion, photoFiles: photos.length };
}
