// A consistent copy of the live database, and the checks a copy must pass before it replaces anything.
import { connect, readUserVersion, type DatabaseEncryption, type Db } from './connect-database';

/**
 * VACUUM INTO: one read transaction, so the copy is one moment of the database while the app keeps working (WAL),
 * and SQLite3 Multiple Ciphers writes the copy encrypted with the live database's cipher and key, so no plain
 * page ever reaches the disk. better-sqlite3's backup() (the online backup API) cannot be used: it refuses a
 * destination with another cipher setup, and a plain destination would be a plain copy of the patients.
 */
export function snapshotDatabase(db: Db, path: string): void {
  db.prepare('VACUUM INTO ?').run(path);
}

export interface DatabaseFileCheck {
  readonly userVersion: number;
  readonly integrity: string;
}

/** Opens a database file read-only with the key and checks it; throws DatabaseKeyError for a wrong key. */
export function checkDatabaseFile(path: string, encryption: DatabaseEncryption): DatabaseFileCheck {
  const db = connect(path, encryption, { readonly: true, fileMustExist: true });
  try {
    const userVersion = readUserVersion(db, path);
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    return { userVersion, integrity };
  } finally {
    db.close();
  }
}
