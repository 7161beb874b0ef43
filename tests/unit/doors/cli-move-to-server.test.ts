// `migrate-to-postgres`: a single PC's file moved into an empty clinic server keeps its patients, plans, quote
// versions, follow-ups and audit chain as they were (the same answers through the services on both), and a
// server that already holds a clinic's data is refused with nothing written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, openTempServices, valueOf } from '../../support/temp-services';
import { TEST_KEY, writeTestKeyFile } from '../../support/test-key';

const postgres = usePostgres();
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!postgres.available)(postgres.title('moving a clinic to a server'), () => {
  it('copies every row with its ids and the audit chain, answers the same through the services, and refuses a second copy', async () => {
    const file = openTempServices();
    folders.push(file.folder);
    const seeded = await file.dispatch('seedDemoPatients', {});
    expect(seeded.ok).toBe(true);
    const list = { value: valueOf(await file.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 100 })) };
    const first = list.value.rows[0]!;
    const plan = { items: [{ treatment: 'hydrafacial' as const, date: null }, { treatment: 'pico-laser' as const, date: null }], acknowledgements: [], discounts: {}, rate: null };
    expect((await file.dispatch('savePatientPlan', { patientId: first.id, expectedVersion: 0, plan })).ok).toBe(true);
    const record = { value: valueOf(await file.dispatch('getPatient', { id: first.id })) };
    await file.close();

    const url = await postgres.createDatabase();
    const keyFile = writeTestKeyFile(file.folder);
    const moved = await cli('migrate-to-postgres', '--key-file', keyFile, '--from', join(file.folder, 'clinicdesk.sqlite'), '--to', url);
    expect(moved.err.split('\n').filter((line) => !/^\w+: \d+ rows$/.test(line))).toEqual([]);
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/every table's count matches/);
    expect(moved.out).toMatch(/Audit chain verified on the server: \d+ entries/);

    const dataFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
    folders.push(dataFolder);
    const server = await openServerServices({ url, dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const onServer = { value: valueOf(await server.dispatch('searchPatients', { query: '', tripStatus: 'all', limit: 100 })) };
      expect(onServer.value.rows).toEqual(list.value.rows);
      const again = { value: valueOf(await server.dispatch('getPatient', { id: first.id })) };
      expect(again.value.patient).toEqual(record.value.patient);
      expect(again.value.version).toBe(record.value.version);
      const planOnServer = await server.dispatch('getPatientPlan', { patientId: first.id });
      expect(planOnServer).toMatchObject({ ok: true, value: { version: 1, plan: { items: [{ treatment: 'hydrafacial' }, { treatment: 'pico-laser' }] } } });
      // New rows are numbered past the copied ones: a new patient saves.
      const { id: _id, ...withoutId } = record.value.patient;
      const created = await server.dispatch('createPatient', { patient: withoutId });
      expect(created.ok).toBe(true);
    } finally {
      await server.close();
    }

    const refused = await cli('migrate-to-postgres', '--key-file', keyFile, '--from', join(file.folder, 'clinicdesk.sqlite'), '--to', url);
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toMatch(/^The server's database is not empty \(\d+ row\(s\) in patients\)/);
  }, 120_000);
});
