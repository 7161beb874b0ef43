// One random database key per test run: tests never share a fixed key with each other or with a real install, and
// a test that forgets to pass it fails instead of silently writing a plain file.
import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDatabaseKey, rawKeyPragma, type DatabaseKey } from '../../src/main/security/database-key';

export const TEST_KEY: DatabaseKey = newDatabaseKey();
export const TEST_KEY_HEX = TEST_KEY.toString('hex');

/** A key file holding TEST_KEY, for `--key-file`. */
export function writeTestKeyFile(folder: string): string {
  const path = join(folder, 'test.key');
  writeFileSync(path, `${TEST_KEY_HEX}\n`, { mode: 0o600 });
  return path;
}

/** A bare connection to a test database (below the repositories), unlocked with TEST_KEY. */
export function openTestDatabase(path: string, options?: Database.Options): Database.Database {
  const db = new Database(path, options);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma(rawKeyPragma(TEST_KEY));
  return db;
}
