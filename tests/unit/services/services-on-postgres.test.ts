// The services through the clinic server's door (openServerServices): the same channels as on the SQLite file,
// over a throwaway PostgreSQL. A second door on the same database stands for a second coordinator's PC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { openServerServices } from '../../../src/main/services/open-server-services';
import type { OpenServices } from '../../../src/main/services/open-services';
import { usePostgres } from '../../support/postgres/use-postgres';
import { fixtureIntake, FIXED_NOW, type PlanInput } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const postgres = usePostgres();
const opened: OpenServices<null>[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const services of opened.splice(0)) await services.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function door(url: string): Promise<OpenServices<null>> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
  folders.push(dataFolder);
  const services = await openServerServices({ url, dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
  opened.push(services);
  return services;
}

async function ok<C extends Channel>(services: OpenServices<null>, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe.skipIf(!postgres.available)(postgres.title('the services on the clinic server'), () => {
  it('a second PC sees the first one’s new patient at once, and a stale save is a conflict, not a lost edit', async () => {
    const url = await postgres.createDatabase();
    const first = await door(url);
    const second = await door(url);
    const created = await ok(first, 'createPatient', { patient: fixtureIntake('ko') });
    const found = await ok(second, 'searchPatients', { query: created.patient.names.native.slice(0, 1), tripStatus: 'all', limit: 10 });
    expect(found.rows.map((row) => row.id)).toEqual([created.id]);

    const onFirst = { ...created.patient, trip: { ...created.patient.trip, stayAddress: 'first' } };
    const onSecond = { ...created.patient, trip: { ...created.patient.trip, stayAddress: 'second' } };
    expect((await first.dispatch('updatePatient', { id: created.id, expectedVersion: 1, patient: onFirst })).ok).toBe(true);
    const refused = await second.dispatch('updatePatient', { id: created.id, expectedVersion: 1, patient: onSecond });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await ok(second, 'getPatient', { id: created.id })).patient.trip.stayAddress).toBe('first');
  }, 60_000);

  it('keeps plans with their versions, refuses a duplicate id, and keeps an audit chain that verifies', async () => {
    const url = await postgres.createDatabase();
    const services = await door(url);
    const created = await ok(services, 'createPatient', { patient: fixtureIntake('en') });
    const again = await services.dispatch('createPatient', { patient: { ...fixtureIntake('en'), id: created.id } });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const plan: PlanInput = { items: [{ treatment: 'hydrafacial', date: null }], acknowledgements: [], discounts: {}, rate: null };
    const saved = await ok(services, 'savePatientPlan', { patientId: created.id, expectedVersion: 0, plan });
    expect(saved.version).toBe(1);
    const stale = await services.dispatch('savePatientPlan', { patientId: created.id, expectedVersion: 0, plan });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await ok(services, 'getPatientPlan', { patientId: created.id })).plan.items.map((item) => item.treatment)).toEqual([
      'hydrafacial',
    ]);
    const chain = await services.context.store.read((tx) => tx.audit.verify());
    expect(chain.firstBroken).toBeNull();
    // patient.create, plan.save, plan.open: the refused saves wrote none.
    expect(chain.checked).toBe(3);
    expect(await services.runScheduledBackup(FIXED_NOW)).toEqual({ made: false, reason: 'server', newest: null });
  }, 60_000);
});
