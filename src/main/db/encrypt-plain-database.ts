// A database left plain by a ClinicDesk from before encryption is encrypted once, at the first open with a key.
// The plain file stays where it is, untouched but for folding its WAL in, until an encrypted copy has been made
// beside it and verified (integrity check, schema version, every table's row count); only then does one atomic
// rename put the copy in its place. A crash at any step leaves either the plain file or the verified encrypted
// one under the database's name, never half of either; the next open starts over from the plain file.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { rawKeyPragma, type DatabaseKey } from '../security/database-key';
import { connect, DatabaseTooNewError, readUserVersion, type Db } from './connect-database';

export const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** An SQLCipher file starts with its random salt, a plain one with this fixed header. */
export function isPlainDatabaseFile(path: string): boolean {
  if (!existsSync(path) || statSync(path).size < PLAIN_HEADER.length) return false;
  const header = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(PLAIN_HEADER);
}

export class PlainDatabaseEncryptionError extends Error {
  constructor(path: string, why: string) {
    super(`The plain database ${path} could not be encrypted (${why}). It was left as it was.`);
    this.name = 'PlainDatabaseEncryptionError';
  }
}

interface Facts {
  readonly userVersion: number;
  readonly rowCounts: string;
}

function factsOf(db: Db, path: string): Facts {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw new PlainDatabaseEncryptionError(path, `integrity check: ${String(integrity)}`);
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
  const counts = tables.map((name) => [
    name,
    db
      .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get(),
  ]);
  return { userVersion: readUserVersion(db, path), rowCounts: JSON.stringify(counts) };
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function encryptPlainDatabase(path: string, key: DatabaseKey, supportedVersion: number): void {
  const temporary = `${path}.encrypting`;
  rmSync(temporary, { force: true });
  rmSync(`${temporary}-journal`, { force: true });

  const plain = connect(path, 'unencrypted');
  let before: Facts;
  try {
    const found = readUserVersion(plain, path);
    if (found > supportedVersion) throw new DatabaseTooNewError(path, found, supportedVersion);
    // Fold the WAL into the main file, so a copy of that one file is the whole database.
    const [checkpoint] = plain.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint && checkpoint.busy !== 0) throw new PlainDatabaseEncryptionError(path, 'another program has it open');
    before = factsOf(plain, path);
  } finally {
    plain.close();
  }
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    throw new PlainDatabaseEncryptionError(path, 'its WAL could not be folded in; another program may have it open');
  }

  copyFileSync(path, temporary);
  const copy = connect(temporary, 'unencrypted');
  try {
    // Rekey rewrites every page in place and cannot run in WAL mode; the copy is private, so DELETE is safe here.
    copy.pragma('journal_mode = DELETE');
    copy.pragma("cipher = 'sqlcipher'");
    copy.pragma(rawKeyPragma(key).replace(/^key=/, 'rekey='));
  } finally {
    copy.close();
  }

  const check = connect(temporary, key);
  try {
    const after = factsOf(check, temporary);
    if (after.userVersion !== before.userVersion || after.rowCounts !== before.rowCounts) {
      throw new PlainDatabaseEncryptionError(path, 'the encrypted copy differs from it');
    }
  } finally {
    check.close();
  }
  if (isPlainDatabaseFile(temporary)) throw new PlainDatabaseEncryptionError(path, 'the copy is still plain');

  fsyncPath(temporary);
  // The plain file's WAL and index are empty now; left beside the encrypted file they would be read as its own.
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  renameSync(temporary, path);
  // Makes the rename itself durable; Windows cannot open a folder for fsync (and NTFS journals the rename).
  if (process.platform !== 'win32') fsyncPath(dirname(path));
}
