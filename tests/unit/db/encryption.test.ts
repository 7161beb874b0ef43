import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/db/migrations';
import { DatabaseKeyError, DatabaseTooNewError, openDatabase } from '../../../src/main/db/open-database';
import { DatabaseInUseError, registerHolder } from '../../../src/main/db/database-holders';
import { isPlainDatabaseFile } from '../../../src/main/db/encrypt-plain-database';
import { newDatabaseKey } from '../../../src/main/security/database-key';
import { openTestDatabase, TEST_KEY } from '../../support/test-key';

const folders: string[] = [];
function tempFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-encryption-'));
  folders.push(folder);
  return join(folder, 'test.sqlite');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const CANARY = 'Canary-Zq7 카나리아';

/** An old, plain ClinicDesk database (schema 3) with one row, as an app from before encryption left it. */
function plainDatabase(path: string): void {
  const db = openDatabase(path, 'unencrypted', MIGRATIONS.slice(0, 3));
  db.prepare(
    `INSERT INTO patients (seq, id, native_name, latin_name, birth_date, sex, nationality, languages_json,
    home_time_zone, home_currency, arrival, departure, screening_json, created_at, updated_at)
    VALUES (1, 'kept', ?, 'l', '1990-01-01', 'female', 'KR', '[]', 'Asia/Seoul', 'KRW', '2026-01-01', '2026-01-02', '{}', 'x', 'x')`,
  ).run(CANARY);
  db.close();
}

describe('the database at rest', () => {
  it('is encrypted: no SQLite header, no row text in the file or its WAL', () => {
    const path = tempFile();
    const db = openDatabase(path, TEST_KEY);
    db.prepare("INSERT INTO drafts (key, form_json, saved_at) VALUES ('d', ?, 'x')").run(JSON.stringify({ name: CANARY }));
    expect(isPlainDatabaseFile(path)).toBe(false);
    for (const file of readdirSync(join(path, '..'))) {
      expect(readFileSync(join(path, '..', file)).includes(Buffer.from('Canary-Zq7')), file).toBe(false);
    }
    db.close();
  });

  it('refuses a plain open and a wrong key with a typed error, and changes nothing', () => {
    const path = tempFile();
    openDatabase(path, TEST_KEY).close();
    const before = readFileSync(path);
    expect(() => new Database(path).pragma('user_version')).toThrow(/not a database/);
    expect(() => openDatabase(path, newDatabaseKey())).toThrow(DatabaseKeyError);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('encrypts a plain database from an older app once, keeping every row, then migrates it', () => {
    const path = tempFile();
    plainDatabase(path);
    expect(isPlainDatabaseFile(path)).toBe(true);
    const db = openDatabase(path, TEST_KEY);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, native_name FROM patients').all()).toEqual([{ id: 'kept', native_name: CANARY }]);
    db.close();
    expect(isPlainDatabaseFile(path)).toBe(false);
    const leftovers = readdirSync(join(path, '..')).filter((file) => statSync(join(path, '..', file)).isFile());
    expect(leftovers.filter((file) => file.includes('encrypting'))).toEqual([]);
    for (const file of leftovers) expect(readFileSync(join(path, '..', file)).includes(Buffer.from('Canary-Zq7')), file).toBe(false);
    // And it stays encrypted: the next open does not try again.
    const again = openTestDatabase(path);
    expect(again.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
    again.close();
  });

  it('does not encrypt (replace) a plain database while another program has it open', () => {
    const path = tempFile();
    plainDatabase(path);
    const before = readFileSync(path);
    const preview = registerHolder(path, { door: 'preview' });
    expect(() => openDatabase(path, TEST_KEY)).toThrow(DatabaseInUseError);
    expect(() => openDatabase(path, TEST_KEY)).toThrow(/Cannot encrypt the plain database: .*in use by the preview/);
    expect(readFileSync(path).equals(before)).toBe(true);
    preview.release();
    openDatabase(path, TEST_KEY).close();
    expect(isPlainDatabaseFile(path)).toBe(false);
  });

  it('starts over from the plain file when an earlier encryption was cut short', () => {
    const path = tempFile();
    plainDatabase(path);
    writeFileSync(`${path}.encrypting`, 'half a copy');
    const db = openDatabase(path, TEST_KEY);
    expect(db.prepare('SELECT id FROM patients').all()).toEqual([{ id: 'kept' }]);
    db.close();
    expect(existsSync(`${path}.encrypting`)).toBe(false);
  });

  it('leaves a plain database from a newer app untouched', () => {
    const path = tempFile();
    const newer = new Database(path);
    newer.exec('CREATE TABLE future (x INTEGER)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    newer.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path, TEST_KEY)).toThrow(DatabaseTooNewError);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(isPlainDatabaseFile(path)).toBe(true);
  });
});
