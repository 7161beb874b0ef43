import type Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/db/migrations';
import { DatabaseTooNewError, openDatabase as openWithKey } from '../../../src/main/db/open-database';
import type { Migration } from '../../../src/main/db/migrations';
import { openTestDatabase, TEST_KEY } from '../../support/test-key';

const openDatabase = (path: string, migrations?: readonly Migration[]) => openWithKey(path, TEST_KEY, migrations);
import { REPORT_SQL } from '../../../src/main/db/repositories/reports-repository';

const folders: string[] = [];
function tempFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-migrations-'));
  folders.push(folder);
  return join(folder, 'test.sqlite');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const tablesOf = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);

/** A minimal valid patient row, straight into SQL (these tests check the schema, below the repositories). */
function insertPatientRow(db: Database.Database, seq: number, id: string): void {
  db.prepare(
    `INSERT INTO patients (seq, id, native_name, latin_name, birth_date, sex, nationality, languages_json,
    home_time_zone, home_currency, arrival, departure, screening_json, created_at, updated_at)
    VALUES (?, ?, 'n', 'l', '1990-01-01', 'female', 'KR', '[]', 'Asia/Seoul', 'KRW', '2026-01-01', '2026-01-02', '{}', 'x', 'x')`,
  ).run(seq, id);
}

describe('migrations', () => {
  it('are numbered in increasing order, one per file; the schema version is the last number', () => {
    // Numbers are handed to parallel branches ahead of merging, so a gap may stand until they meet (0008).
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('only add: no migration drops, renames or rewrites a table or column', () => {
    for (const migration of MIGRATIONS) {
      expect(migration.sql, migration.name).not.toMatch(/\bDROP\s+(TABLE|COLUMN|INDEX|VIEW|TRIGGER)\b/i);
      expect(migration.sql, migration.name).not.toMatch(/\bRENAME\b/i);
      expect(migration.sql, migration.name).not.toMatch(/\bDELETE\s+FROM\b(?![^;]*END;)/i);
    }
  });

  it('a new database gets every migration, WAL and foreign keys, and user_version = latest', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['patients', 'consents', 'patient_search_text', 'photos', 'drafts']));
    db.close();
  });

  it('0001 makes STRICT patient tables that refuse a wrong type and a bad sex', () => {
    const db = openDatabase(tempFile(), MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const insert = (sex: string, fitzpatrick: unknown) =>
      db
        .prepare(
          `INSERT INTO patients (id, native_name, latin_name, birth_date, sex, nationality, languages_json,
          home_time_zone, home_currency, arrival, departure, fitzpatrick, screening_json, created_at, updated_at)
          VALUES (?, 'n', 'l', '1990-01-01', ?, 'KR', '[]', 'Asia/Seoul', 'KRW', '2026-01-01', '2026-01-02', ?, '{}', 'x', 'x')`,
        )
        .run(`id-${Math.random()}`, sex, fitzpatrick);
    expect(() => insert('female', 3)).not.toThrow();
    expect(() => insert('unknown', 3)).toThrow(/CHECK/);
    expect(() => insert('female', 'three')).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insert('female', 7)).toThrow(/CHECK/);
    db.close();
  });

  it('0002 keeps the trigram index in step with the search text, and the search uses it', () => {
    const db = openDatabase(tempFile(), MIGRATIONS.slice(0, 2));
    insertPatientRow(db, 1, 'a');
    db.prepare("INSERT INTO patient_search_text (seq, haystack) VALUES (1, 'nguyễn thị lan')").run();
    const match = db.prepare('SELECT rowid FROM patient_search_index WHERE patient_search_index MATCH ?');
    expect(match.all('"thị"')).toEqual([{ rowid: 1 }]);
    db.prepare("UPDATE patient_search_text SET haystack = 'anna' WHERE seq = 1").run();
    expect(match.all('"thị"')).toEqual([]);
    expect(match.all('"ann"')).toEqual([{ rowid: 1 }]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM patient_search_index WHERE patient_search_index MATCH 'ann'").all();
    expect(JSON.stringify(plan)).toMatch(/VIRTUAL TABLE INDEX/);
    db.close();
  });

  it('0003 photos reference a patient and are removed with it', () => {
    const db = openDatabase(tempFile(), MIGRATIONS.slice(0, 3));
    expect(() =>
      db
        .prepare(
          `INSERT INTO photos (id, patient_seq, visit_date, angle, sha256, media_type, added_at)
        VALUES ('p', 99, '2026-01-01', 'front', ?, 'image/jpeg', 'x')`,
        )
        .run('a'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO photos (id, patient_seq, visit_date, angle, sha256, media_type, added_at)
        VALUES ('p', 99, '2026-01-01', 'left', ?, 'image/jpeg', 'x')`,
        )
        .run('a'.repeat(64)),
    ).toThrow(/CHECK/);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM photos WHERE patient_seq = 1 ORDER BY visit_date').all();
    expect(JSON.stringify(plan)).toMatch(/photos_by_patient/);
    db.close();
  });

  it('0004 drafts keep only valid JSON', () => {
    const db = openDatabase(tempFile(), MIGRATIONS.slice(0, 4));
    expect(() => db.prepare("INSERT INTO drafts (key, form_json, saved_at) VALUES ('k', '{\"a\":1}', 'x')").run()).not.toThrow();
    expect(() => db.prepare("INSERT INTO drafts (key, form_json, saved_at) VALUES ('k2', '{a', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('0005 keeps one plan per patient, removed with the patient, and settings as JSON', () => {
    const db = openDatabase(tempFile(), MIGRATIONS.slice(0, 5));
    insertPatientRow(db, 1, 'a');
    db.prepare("INSERT INTO plans (patient_seq, plan_json, updated_at) VALUES (1, '{\"items\":[]}', 'x')").run();
    expect(() => db.prepare("INSERT INTO plans (patient_seq, plan_json, updated_at) VALUES (1, '{}', 'x')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    expect(() => db.prepare("INSERT INTO plans (patient_seq, plan_json, updated_at) VALUES (2, '{}', 'x')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO clinic_settings (key, value_json, updated_at) VALUES ('k', 'nope', 'x')").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM patients WHERE seq = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 0 });
    db.close();
  });

  it('0006 lists open follow-ups by due instant from a partial index, one per patient and step', () => {
    const db = openDatabase(tempFile(), MIGRATIONS.slice(0, 6));
    insertPatientRow(db, 1, 'a');
    const add = db.prepare(
      "INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at) VALUES (?, 1, ?, '[]', '2027-01-01', '2027-01-01T01:00:00Z')",
    );
    add.run('f1', 'day-3');
    expect(() => add.run('f2', 'day-3')).toThrow(/UNIQUE/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM followups WHERE done_at IS NULL AND due_at <= '2027-02-01' ORDER BY due_at LIMIT 10")
      .all();
    expect(JSON.stringify(plan)).toMatch(/followups_open_by_due/);
    db.close();
  });

  it('0007 adds outcome columns to follow-ups already there, with defaults', () => {
    const path = tempFile();
    const old = openDatabase(path, MIGRATIONS.slice(0, 6));
    insertPatientRow(old, 1, 'a');
    old
      .prepare(
        "INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at) VALUES ('f', 1, 'day-3', '[]', '2027-01-01', 'x')",
      )
      .run();
    old.close();
    const db = openDatabase(path, MIGRATIONS.slice(0, 7));
    expect(db.prepare('SELECT note, outcome_at FROM followups').get()).toEqual({ note: '', outcome_at: null });
    db.close();
  });

  it('0008 adds referral columns (NULL: never recorded) and fills report session rows from plans already saved', () => {
    const path = tempFile();
    const old = openDatabase(path, MIGRATIONS.slice(0, 7));
    insertPatientRow(old, 1, 'a');
    const plan = {
      items: [
        { treatment: 'pico-laser', date: '2026-03-02', status: 'done' },
        { treatment: 'pico-laser', date: '2026-03-09' },
        { treatment: 'ipl', date: null },
      ],
      discounts: { 'pico-laser': 10 },
    };
    old.prepare('INSERT INTO plans (patient_seq, plan_json, updated_at) VALUES (1, ?, ?)').run(JSON.stringify(plan), 'x');
    old.close();
    const db = openDatabase(path, MIGRATIONS.slice(0, 8));
    expect(db.prepare('SELECT referral_route, referral_agency_name FROM patients').get()).toEqual({
      referral_route: null,
      referral_agency_name: '',
    });
    expect(
      db
        .prepare('SELECT position, treatment, date, status, moved, discount_percent, line_sessions FROM plan_sessions ORDER BY position')
        .all(),
    ).toEqual([
      { position: 0, treatment: 'pico-laser', date: '2026-03-02', status: 'done', moved: 0, discount_percent: 10, line_sessions: 2 },
      { position: 1, treatment: 'pico-laser', date: '2026-03-09', status: 'scheduled', moved: 0, discount_percent: 10, line_sessions: 2 },
      { position: 2, treatment: 'ipl', date: null, status: 'scheduled', moved: 0, discount_percent: 0, line_sessions: 1 },
    ]);
    expect(() => db.prepare("UPDATE patients SET referral_route = 'friend'").run()).toThrow(/CHECK/);
    // Every report statement reads its covering index, and none sorts rows for its GROUP BY.
    const params = { from: '2026-01-01', to: '2026-12-31', today: '2026-11-24', overdueBefore: '2026-11-22T00:00:00Z' };
    for (const [name, sql] of Object.entries(REPORT_SQL)) {
      const bound = Object.fromEntries(Object.entries(params).filter(([key]) => sql.includes(`:${key}`)));
      const plan8 = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bound));
      expect(plan8, name).toMatch(/COVERING INDEX/);
      expect(plan8, name).not.toMatch(/TEMP B-TREE/);
    }
    db.prepare('DELETE FROM patients WHERE seq = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM plan_sessions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('0009 keeps the plans already saved as their first kept version, and makes an append-only audit log', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 9),
    );
    insertPatientRow(old, 1, 'a');
    old.prepare("INSERT INTO plans (patient_seq, plan_json, version, updated_at) VALUES (1, '{\"items\":[]}', 3, 'then')").run();
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 9),
    );
    expect(db.prepare('SELECT patient_seq, version, plan_json, saved_at, saved_by FROM plan_versions').all()).toEqual([
      { patient_seq: 1, version: 3, plan_json: '{"items":[]}', saved_at: 'then', saved_by: 'unknown' },
    ]);
    const add = db.prepare(
      "INSERT INTO audit_log (at, actor, action, patient_id, prev_hash, hash) VALUES ('x', 'a', 'patient.open', 'p', ?, ?)",
    );
    add.run('0'.repeat(64), '1'.repeat(64));
    // UNIQUE (prev_hash): the chain cannot fork, two entries never extend the same one.
    expect(() => add.run('0'.repeat(64), '2'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE patient_id = 'p' ORDER BY seq").all();
    expect(JSON.stringify(plan)).toMatch(/audit_log_by_patient/);
    db.close();
  });

  it('0012 keeps coordinator profiles with a salted PIN hash, one active profile per name', () => {
    const db = openDatabase(
      tempFile(),
      MIGRATIONS.filter((migration) => migration.version <= 12),
    );
    const add = db.prepare(
      'INSERT INTO coordinator_profiles (id, display_name, pin_salt, pin_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    add.run('a', 'Park Ji-won', 'a'.repeat(32), 'b'.repeat(64), 'now', null);
    expect(() => add.run('b', 'Park Ji-won', 'a'.repeat(32), 'b'.repeat(64), 'now', null)).toThrow(/UNIQUE/);
    // A disabled profile's name may be taken again by a new one.
    add.run('c', 'Lee Min-ho', 'a'.repeat(32), 'b'.repeat(64), 'now', 'then');
    add.run('d', 'Lee Min-ho', 'a'.repeat(32), 'b'.repeat(64), 'now', null);
    // A PIN itself does not fit where its hash goes.
    expect(() => add.run('e', 'Kim', 'a'.repeat(32), '1234', 'now', null)).toThrow(/CHECK/);
    expect(() => add.run('f', '', 'a'.repeat(32), 'b'.repeat(64), 'now', null)).toThrow(/CHECK/);
    db.close();
  });

  it('calls back before migrating an existing database, not a new one nor one already at the latest schema', () => {
    const path = tempFile();
    const calls: [number, number][] = [];
    const beforeMigration = (_db: unknown, from: number, to: number) => void calls.push([from, to]);
    openWithKey(path, TEST_KEY, MIGRATIONS.slice(0, 3), { beforeMigration }).close();
    expect(calls).toEqual([]);
    openWithKey(path, TEST_KEY, MIGRATIONS, { beforeMigration }).close();
    expect(calls).toEqual([[3, SCHEMA_VERSION]]);
    openWithKey(path, TEST_KEY, MIGRATIONS, { beforeMigration }).close();
    expect(calls).toHaveLength(1);
  });

  it('migrates nothing when the callback before migrating fails (the backup could not be made)', () => {
    const path = tempFile();
    openDatabase(path, MIGRATIONS.slice(0, 3)).close();
    expect(() =>
      openWithKey(path, TEST_KEY, MIGRATIONS, {
        beforeMigration: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow(/disk full/);
    const db = openDatabase(path, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('0013 adds the restriction of a record and the language of a consent, keeping the consents already there', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 13),
    );
    insertPatientRow(old, 1, 'a');
    old
      .prepare("INSERT INTO consents (patient_seq, position, kind, granted_at, text_version) VALUES (1, 0, 'sensitive_data', 't', 'v1')")
      .run();
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 13),
    );
    expect(db.prepare('SELECT kind, text_version, language FROM consents').all()).toEqual([
      { kind: 'sensitive_data', text_version: 'v1', language: null },
    ]);
    const restrict = db.prepare('INSERT INTO patient_restrictions (patient_seq, restricted_at, retention_until) VALUES (?, ?, ?)');
    expect(() => restrict.run(1, 'now', 'soon')).toThrow(/CHECK/);
    restrict.run(1, 'now', '2036-11-24');
    expect(() => restrict.run(2, 'now', '2036-11-24')).toThrow(/FOREIGN KEY/);
    // Destroying the record takes its restriction with it.
    db.prepare('DELETE FROM consents').run();
    db.prepare('DELETE FROM patients WHERE seq = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM patient_restrictions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('0014 counts the five later screening questions as open on intakes stored before them, and only those', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 14),
    );
    insertPatientRow(old, 1, 'before');
    insertPatientRow(old, 2, 'after');
    old.prepare('UPDATE patients SET screening_open = 2 WHERE seq = 1').run();
    old
      .prepare("UPDATE patients SET screening_open = 0, screening_json = json_object('implantedDevice', json('false')) WHERE seq = 2")
      .run();
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 14),
    );
    expect(db.prepare('SELECT id, screening_open FROM patients ORDER BY seq').all()).toEqual([
      { id: 'before', screening_open: 7 },
      { id: 'after', screening_open: 0 },
    ]);
    db.close();
  });

  it('0015 counts wrong PINs per existing profile, keeping the profiles already there', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 15),
    );
    old
      .prepare('INSERT INTO coordinator_profiles (id, display_name, pin_salt, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run('a', 'Park Ji-won', 'a'.repeat(32), 'b'.repeat(64), 'now');
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 15),
    );
    expect(db.prepare('SELECT id, display_name FROM coordinator_profiles').all()).toEqual([{ id: 'a', display_name: 'Park Ji-won' }]);
    const put = db.prepare(
      'INSERT INTO coordinator_pin_attempts (coordinator_id, failures, wait_until_ms, last_failure_at) VALUES (?, ?, ?, ?)',
    );
    put.run('a', 5, 1_800_000_000_000, 'now');
    // One row per profile, for a profile that exists, with a count of at least one.
    expect(() => put.run('a', 6, 0, 'now')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('nobody', 1, 0, 'now')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM coordinator_pin_attempts').run();
    expect(() => put.run('a', 0, 0, 'now')).toThrow(/CHECK/);
    expect(() => put.run('a', 1, -1, 'now')).toThrow(/CHECK/);
    db.close();
  });

  it('0016 keeps one plan draft per existing patient, gone with the patient', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 16),
    );
    insertPatientRow(old, 1, 'a');
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 16),
    );
    const put = db.prepare('INSERT INTO plan_drafts (patient_seq, base_version, plan_json, saved_at) VALUES (?, ?, ?, ?)');
    put.run(1, 0, '{"items":[]}', 'now');
    expect(() => put.run(1, 1, '{"items":[]}', 'now')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run(2, 0, '{"items":[]}', 'now')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM plan_drafts').run();
    expect(() => put.run(1, -1, '{"items":[]}', 'now')).toThrow(/CHECK/);
    expect(() => put.run(1, 0, 'not json', 'now')).toThrow(/CHECK/);
    put.run(1, 0, '{"items":[]}', 'now');
    db.prepare('DELETE FROM patients WHERE seq = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM plan_drafts').get()).toEqual({ n: 0 });
    db.close();
  });

  it('0017 gives drafts an owner, empty for the drafts already there, with an index to count them by', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 17),
    );
    old.prepare("INSERT INTO drafts (key, form_json, saved_at) VALUES ('new', '{}', 'now')").run();
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 17),
    );
    expect(db.prepare('SELECT key, coordinator_id FROM drafts').all()).toEqual([{ key: 'new', coordinator_id: null }]);
    const plan = JSON.stringify(db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM drafts WHERE coordinator_id = ?').all('c'));
    expect(plan).toMatch(/drafts_by_coordinator/);
    db.close();
  });

  it('0018 keeps each quote version a patient was sent, refusing UPDATE and DELETE, gone only with the whole record; report rows gain the session id', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 18),
    );
    insertPatientRow(old, 1, 'a');
    old
      .prepare("INSERT INTO plan_sessions (patient_seq, position, treatment, date, status) VALUES (1, 0, 'ipl', '2026-01-01', 'done')")
      .run();
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 18),
    );
    expect(db.prepare('SELECT seq, id FROM patients').all()).toEqual([{ seq: 1, id: 'a' }]);
    const add = db.prepare(
      'INSERT INTO quote_versions (patient_seq, version, plan_version, quote_json, sent_at, sent_by) VALUES (?, ?, ?, ?, ?, ?)',
    );
    add.run(1, 1, 3, '{"totalKrw":100000}', 'then', 'Park Ji-won');
    expect(() => add.run(1, 1, 4, '{}', 'later', 'Park Ji-won')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => add.run(1, 2, 4, 'not json', 'later', 'Park Ji-won')).toThrow(/CHECK/);
    expect(() => add.run(2, 1, 1, '{}', 'later', 'Park Ji-won')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE quote_versions SET quote_json = '{}'").run()).toThrow(/never overwritten/);
    expect(() => db.prepare('DELETE FROM quote_versions').run()).toThrow(/never overwritten/);
    expect(db.prepare('SELECT version, quote_json FROM quote_versions').all()).toEqual([{ version: 1, quote_json: '{"totalKrw":100000}' }]);
    // The reports' session rows gain the session's id; a row written before it keeps NULL.
    expect(db.prepare('SELECT treatment, status, session_id FROM plan_sessions').all()).toEqual([
      { treatment: 'ipl', status: 'done', session_id: null },
    ]);
    // Destroying the whole record at the end of its retention takes its quotes with it.
    db.prepare('DELETE FROM patients WHERE seq = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM quote_versions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('0022 changes nothing in the file (photo files stay in the encrypted photo folder), only its version', () => {
    const path = tempFile();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version < 22),
    );
    insertPatientRow(old, 1, 'a');
    const schemaBefore = old.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    old.close();
    const db = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 22),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(22);
    expect(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
    expect(tablesOf(db)).not.toContain('photo_files');
    expect(db.prepare('SELECT seq, id FROM patients').all()).toEqual([{ seq: 1, id: 'a' }]);
    db.close();
  });

  it('runs only the pending migrations of an older database, keeping its rows', () => {
    const path = tempFile();
    const old = openDatabase(path, MIGRATIONS.slice(0, 3));
    insertPatientRow(old, 1, 'kept');
    old.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id FROM patients').all()).toEqual([{ id: 'kept' }]);
    db.close();
  });

  it('rolls back every migration of the batch when one fails', () => {
    const path = tempFile();
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE nope (; ' }];
    expect(() => openDatabase(path, broken)).toThrow();
    const db = openTestDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tablesOf(db)).toEqual([]);
    db.close();
  });

  it('refuses a database from a newer app, with a clear message, and leaves its file untouched', () => {
    const path = tempFile();
    const newer = openTestDatabase(path);
    newer.exec('CREATE TABLE future (x INTEGER)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    newer.close();
    const before = createHash('sha256').update(readFileSync(path)).digest('hex');
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path)).toThrow(/newer ClinicDesk.*not opened or changed/);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before);
    const check = openTestDatabase(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});
