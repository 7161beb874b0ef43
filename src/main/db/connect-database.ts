// A connection to the encrypted database file, and the typed errors of opening one. Split from open-database.ts so
// the one-time encryption of a plain file can use them too.
import Database from 'better-sqlite3-multiple-ciphers';
import { rawKeyPragma, type DatabaseKey } from '../security/database-key';

export type Db = Database.Database;

/**
 * 'unencrypted' exists for the benchmark's plain baseline (encryption_overhead_ratio) and nothing else: the doors
 * only ever pass a key parsed from the user, so they cannot open a plain file by mistake.
 */
export type DatabaseEncryption = DatabaseKey | 'unencrypted';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database ${path} was written by a newer ClinicDesk (schema ${found}; this app knows up to ${supported}). ` +
        'It was not opened or changed. Update ClinicDesk to open it.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class DatabaseKeyError extends Error {
  constructor(readonly path: string) {
    super(`The database ${path} cannot be read with this key (a wrong key, or not a ClinicDesk database). It was not changed.`);
    this.name = 'DatabaseKeyError';
  }
}

/** A connection with the cipher and key set. Nothing is read or written yet: SQLite reads the file lazily. */
export function connect(path: string, encryption: DatabaseEncryption, options?: Database.Options): Db {
  const db = new Database(path, options);
  if (encryption !== 'unencrypted') {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma(rawKeyPragma(encryption));
  }
  return db;
}

/** The first read of the file: a wrong key (or a file that is no database) fails here, typed, before any write. */
export function readUserVersion(db: Db, path: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError(path);
    throw error;
  }
}
