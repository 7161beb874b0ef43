// While the clinic server is away, what the coordinator types is kept as a sealed draft on the PC and nothing else
// is written there; when it is back the drafts are offered and saved. On a real throwaway server stopped mid-session
// and started again.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_DRAFTS_FOLDER_NAME } from '../../../src/main/offline/offline-drafts';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { findPostgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../../support/postgres/throwaway-server';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, fixtureIntake, openTempServices, valueOf } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const CANARY = 'Qwxofflinecanary';
const FORM_KEY = 'new:5b0e7c1e-3f1d-4a8e-9c2b-1d2e3f4a5b6c';
// Only to learn whether PostgreSQL is here: this file runs its own server, to stop and start it.
const postgres = findPostgresBinaries() ? { available: true } : usePostgres();

/** Every file under `folder`, by its path from there: what the calls wrote on the PC. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => statSync(join(folder, name)).isFile())
    .sort();
}

describe.skipIf(!postgres.available)('drafts kept on the PC while the clinic server is away', () => {
  let server: ThrowawayPostgres;
  let dataFolder: string;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
    dataFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE clinic TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    await admin.end();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataFolder, { recursive: true, force: true });
  });

  it('refuses a save as `unreachable`, keeps the typing sealed on the PC and nothing else, then offers and saves it', async () => {
    const services = await openServerServices({ url: server.urlFor('clinic'), dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const existing = valueOf(await services.dispatch('createPatient', { patient: fixtureIntake('ja') }));
      const intake = fixtureIntake('en');
      const newIntake = { ...intake, screening: { ...intake.screening, notes: `${CANARY} new` } };
      const edited = { ...existing.patient, screening: { ...existing.patient.screening, notes: `${CANARY} edited` } };
      const before = filesUnder(dataFolder);

      await server.pause();
      const created = await services.dispatch('createPatient', { patient: newIntake });
      expect(created).toMatchObject({
        ok: false,
        error: { code: 'unreachable', message: expect.stringMatching(/did not answer.*kept on this PC, sealed/) },
      });
      expect(
        await services.dispatch('updatePatient', { id: existing.id, expectedVersion: existing.version, patient: edited }),
      ).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      expect(
        await services.dispatch('saveDraft', { key: FORM_KEY, label: 'Wang', baseVersion: null, form: { notes: `${CANARY} typed` } }),
      ).toMatchObject({ ok: false, error: { code: 'unreachable' } });
      // Any other call is refused the same way, and keeps nothing.
      expect(await services.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 10 })).toMatchObject({
        ok: false,
        error: { code: 'unreachable' },
      });

      const offered = valueOf(await services.dispatch('listOfflineDrafts', {}));
      expect(offered.map(({ kind, key }) => ({ kind, key })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        [
          { kind: 'intake', key: existing.id },
          { kind: 'form', key: FORM_KEY },
          { kind: 'intake', key: expect.stringMatching(/^new:/) },
        ].sort((a, b) => String(a.key).localeCompare(String(b.key))),
      );
      // On the PC: the three sealed drafts, owner-only, no canary, and no other file written.
      const after = filesUnder(dataFolder);
      const kept = after.filter((name) => !before.includes(name));
      expect(kept).toHaveLength(3);
      expect(kept.every((name) => name.startsWith(`${OFFLINE_DRAFTS_FOLDER_NAME}/`))).toBe(true);
      for (const name of kept) {
        const bytes = readFileSync(join(dataFolder, name));
        expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
        expect(bytes.includes(Buffer.from(newIntake.names.latin))).toBe(false);
        expect(statSync(join(dataFolder, name)).mode & 0o077).toBe(0);
      }
      expect(after.filter((name) => !name.startsWith(`${OFFLINE_DRAFTS_FOLDER_NAME}/`))).toEqual(before);

      await server.resume();
      // Offered again once the server answers (the list itself never needed it), then saved.
      expect(valueOf(await services.dispatch('listOfflineDrafts', {}))).toEqual(offered);
      const newKey = offered.find((draft) => draft.kind === 'intake' && draft.key.startsWith('new:'))!.key;
      const { patientId } = valueOf(await services.dispatch('saveOfflineDraft', { key: newKey, kind: 'intake' }));
      expect(valueOf(await services.dispatch('getPatient', { id: patientId! })).patient.screening.notes).toBe(`${CANARY} new`);
      expect(valueOf(await services.dispatch('saveOfflineDraft', { key: existing.id, kind: 'intake' }))).toEqual({
        patientId: existing.id,
      });
      expect(valueOf(await services.dispatch('getPatient', { id: existing.id }))).toMatchObject({
        version: existing.version + 1,
        patient: { screening: { notes: `${CANARY} edited` } },
      });
      valueOf(await services.dispatch('saveOfflineDraft', { key: FORM_KEY, kind: 'form' }));
      expect(valueOf(await services.dispatch('getDraft', { key: FORM_KEY }))?.form).toEqual({ notes: `${CANARY} typed` });
      expect(valueOf(await services.dispatch('listOfflineDrafts', {}))).toEqual([]);
      expect(filesUnder(dataFolder)).toEqual(before);
    } finally {
      await services.close();
    }
  }, 180_000);

  it('keeps an update that met a change made meanwhile, as a conflict, until it is discarded', async () => {
    const url = server.urlFor('clinic');
    const first = await openServerServices({ url, dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
    const otherPc = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
    try {
      const record = valueOf(await first.dispatch('createPatient', { patient: fixtureIntake('ko') }));
      await server.pause();
      const edit = { ...record.patient, screening: { ...record.patient.screening, notes: 'offline edit' } };
      expect(await first.dispatch('updatePatient', { id: record.id, expectedVersion: record.version, patient: edit })).toMatchObject({
        ok: false,
        error: { code: 'unreachable' },
      });
      await server.resume();
      // Another PC saved the record while this one was cut off.
      const second = await openServerServices({ url, dataFolder: otherPc, key: TEST_KEY, now: () => FIXED_NOW });
      try {
        valueOf(
          await second.dispatch('updatePatient', {
            id: record.id,
            expectedVersion: record.version,
            patient: { ...record.patient, email: 'new@example.com' },
          }),
        );
      } finally {
        await second.close();
      }
      expect(await first.dispatch('saveOfflineDraft', { key: record.id, kind: 'intake' })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      expect(valueOf(await first.dispatch('listOfflineDrafts', {})).map((draft) => draft.key)).toEqual([record.id]);
      expect(valueOf(await first.dispatch('discardOfflineDraft', { key: record.id, kind: 'intake' }))).toEqual({ discarded: true });
      expect(valueOf(await first.dispatch('listOfflineDrafts', {}))).toEqual([]);
    } finally {
      await first.close();
      rmSync(otherPc, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('drafts kept on the PC, on a single PC', () => {
  it('are none: there is no server to lose', async () => {
    const services = openTempServices();
    try {
      expect(valueOf(await services.dispatch('listOfflineDrafts', {}))).toEqual([]);
      expect(await services.dispatch('saveOfflineDraft', { key: FORM_KEY, kind: 'form' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(valueOf(await services.dispatch('discardOfflineDraft', { key: FORM_KEY, kind: 'form' }))).toEqual({ discarded: false });
    } finally {
      services.dispose();
    }
  });
});
