// Today on the clinic server: the travellers' query and the day's sessions answer as on the SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServerServices } from '../../../src/main/services/open-server-services';
import type { OpenServices } from '../../../src/main/services/open-services';
import { usePostgres } from '../../support/postgres/use-postgres';
import { fixtureIntake, FIXED_NOW } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const postgres = usePostgres();
let services: OpenServices<null> | undefined;
let folder: string | undefined;
afterEach(async () => {
  await services?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!postgres.available)(postgres.title('Today on the clinic server'), () => {
  it('lists today’s and tomorrow’s travellers by passport name and today’s sessions by time, leaving restricted records out', async () => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
    const opened = await openServerServices({
      url: await postgres.createDatabase(),
      dataFolder: folder,
      key: TEST_KEY,
      now: () => FIXED_NOW,
    });
    services = opened;
    const create = async (latin: string, arrival: string, departure: string) => {
      const base = fixtureIntake('en');
      const result = await opened.dispatch('createPatient', {
        patient: { ...base, names: { ...base.names, latin }, trip: { arrival, departure, stayAddress: '' } },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value.id;
    };
    const zhang = await create('ZHANG WEI', '2026-11-24', '2026-12-01');
    const alvarez = await create('ALVAREZ ANA', '2026-11-25', '2026-12-02');
    const tanaka = await create('TANAKA YUKI', '2026-11-25', '2026-12-05');
    const erased = await create('AARON ERASED', '2026-11-24', '2026-11-30');
    await create('STAYING SOMCHAI', '2026-11-20', '2026-11-30');
    expect((await opened.dispatch('requestErasure', { patientId: erased, reason: 'patient asked' })).ok).toBe(true);
    const saved = await opened.dispatch('savePatientPlan', {
      patientId: zhang,
      expectedVersion: 0,
      plan: {
        items: [
          { treatment: 'hydrafacial', date: '2026-11-24', time: '14:00' },
          { treatment: 'pico-laser', date: '2026-11-24', time: '09:30' },
        ],
      },
    });
    expect(saved.ok).toBe(true);

    const result = await opened.dispatch('getToday', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.arrivals.today.map((p) => p.id)).toEqual([zhang]);
    expect(result.value.arrivals.tomorrow.map((p) => p.id)).toEqual([alvarez, tanaka]);
    expect(result.value.sessions.map((s) => [s.treatment, s.time])).toEqual([
      ['pico-laser', '09:30'],
      ['hydrafacial', '14:00'],
    ]);
  });
});
