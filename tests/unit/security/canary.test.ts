// The canary: a patient whose name (Latin and Hangul) appears nowhere else is created with a photo (its EXIF
// carrying the name too), through the services and the CLI. Afterwards the name must be found in no file of the
// data folder (the database, its WAL and SHM, photos, thumbnails, anything else) or of a backup, in any encoding SQLite or a
// search index could have written it, and in nothing the CLI printed to its log (stderr) or to stdout for
// commands that are not meant to show the patient. A plain open of the database and a wrong key both fail.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { DatabaseKeyError, openDatabase } from '../../../src/main/db/open-database';
import { newDatabaseKey } from '../../../src/main/security/database-key';
import { openServices } from '../../../src/main/services/open-services';
import { fixtureCase, valueOf } from '../../support/temp-services';
import { TEST_KEY, writeTestKeyFile } from '../../support/test-key';

const letters = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const LATIN = `Qz${letters('bcdfghjklmnpqrstvwxz', 8)}`;
const LATIN_GIVEN = `Vw${letters('bcdfghjklmnpqrstvwxz', 6)}`;
const HANGUL = `${letters('뷁꿻햏쀍뙇', 4)}`;

/** Every form the name could take on disk: as typed, folded for search, and in UTF-16 as well as UTF-8. */
const NEEDLES = [LATIN, LATIN.toLowerCase(), LATIN.toUpperCase(), LATIN_GIVEN.toLowerCase(), HANGUL, HANGUL.normalize('NFD')].flatMap((text) => [
  Buffer.from(text, 'utf8'),
  Buffer.from(text, 'utf16le'),
]);
const contains = (bytes: Buffer) => NEEDLES.some((needle) => bytes.includes(needle));

const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-canary-'));
const data = join(folder, 'data');
const databasePath = join(data, 'clinicdesk.sqlite');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map((name) => join(root, String(name)))
    .filter((path) => statSync(path).isFile());
}

describe('the canary patient', () => {
  it('is in no file of the data folder and in no CLI log, and the database opens only with its key', async () => {
    const koCase = fixtureCase('ko');
    const canaryCase = { ...koCase, patient: { ...koCase.patient, names: { native: `${HANGUL} 카나리아`, latin: `${LATIN} ${LATIN_GIVEN}` } } };

    const services = openServices({ databasePath, key: TEST_KEY });
    const { id: _id, photos: _photos, ...intake } = canaryCase.patient;
    const created = await services.dispatch('createPatient', { patient: intake });
    const patientId = valueOf(created).id;
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#a08070' } })
      .withExif({ IFD0: { ImageDescription: `${LATIN} ${LATIN_GIVEN}`, Artist: LATIN } })
      .jpeg()
      .toBuffer();
    expect(photo.includes(Buffer.from(LATIN))).toBe(true);
    const added = await services.dispatch('addPhoto', { patientId, visitDate: '2026-11-24', angle: 'front', dataBase64: photo.toString('base64') });
    expect(added.ok).toBe(true);
    const draft = await services.dispatch('saveDraft', { key: 'new:0b6f1e36-5d3c-4a55-8f8e-1a2b3c4d5e6f', label: LATIN, baseVersion: null, form: { names: intake.names } });
    expect(draft.ok).toBe(true);

    // While the services are open: the WAL and SHM are there and hold the latest writes.
    expect(existsSync(`${databasePath}-wal`)).toBe(true);
    expect(existsSync(`${databasePath}-shm`)).toBe(true);
    for (const path of filesUnder(data)) expect(contains(readFileSync(path)), path).toBe(false);
    services.close();

    // The CLI on the same folder: what it logs, and what it prints for commands not meant to show a patient.
    const keyFile = writeTestKeyFile(folder);
    const caseFile = join(folder, 'canary-case.json');
    writeFileSync(caseFile, JSON.stringify({ ...canaryCase, patient: { ...canaryCase.patient, id: '6f1c0c57-5d0e-4e55-9d1a-0c6c1a0e7a11' } }));
    const badCase = join(folder, 'canary-bad.json');
    writeFileSync(badCase, JSON.stringify({ ...canaryCase, patient: { ...canaryCase.patient, phone: `${LATIN} not a phone` } }));
    const logged: string[] = [];
    const quiet: string[] = [];
    for (const args of [
      ['patients', 'import', caseFile],
      ['patients', 'import', badCase],
      ['info'],
      ['followups', 'due', '--at', '2027-03-15T10:00:00+09:00'],
      ['patients', 'search', LATIN],
      ['backup', '--out', join(folder, 'backups')],
    ]) {
      const out: string[] = [];
      await runCli(['--db', databasePath, '--key-file', keyFile, ...args], { out: (text) => out.push(text), err: (text) => logged.push(text) });
      // A search is meant to show the name it found; everything else says nothing about the patient.
      if (args[1] !== 'search') quiet.push(...out);
    }
    expect(logged.join('\n').length).toBeGreaterThan(0); // the bad import did log its problems
    expect(contains(Buffer.from(logged.join('\n')))).toBe(false);
    expect(contains(Buffer.from(quiet.join('\n')))).toBe(false);
    expect(filesUnder(join(folder, 'backups'))).toHaveLength(1);
    for (const path of [...filesUnder(data), ...filesUnder(join(folder, 'backups'))]) expect(contains(readFileSync(path)), path).toBe(false);

    // Only the key opens it.
    expect(() => new Database(databasePath, { readonly: true }).prepare('SELECT count(*) FROM patients').get()).toThrow(/not a database/);
    expect(() => openDatabase(databasePath, newDatabaseKey())).toThrow(DatabaseKeyError);
    const reopened = openServices({ databasePath, key: TEST_KEY });
    const found = await reopened.dispatch('searchPatients', { query: LATIN, tripStatus: 'all', limit: 10 });
    reopened.close();
    expect(found.ok && found.value.rows).toHaveLength(2);
  });

  it('would be found in a plain database (so the search above can see it)', async () => {
    const plainFolder = join(folder, 'plain');
    const services = openServices({ databasePath: join(plainFolder, 'clinicdesk.sqlite'), key: 'unencrypted' });
    const { id: _id, photos: _photos, ...intake } = fixtureCase('ko').patient;
    const created = await services.dispatch('createPatient', { patient: { ...intake, names: { native: `${HANGUL} 카나리아`, latin: `${LATIN} ${LATIN_GIVEN}` } } });
    expect(created.ok).toBe(true);
    expect(filesUnder(plainFolder).some((path) => contains(readFileSync(path)))).toBe(true);
    services.close();
  });
});
