// The checks the suites on both back ends rely on (tests/support/test-services.ts) see a write on either back end:
// a snapshot that stayed equal, or a change count that stayed put, must mean that nothing was written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureIntake, valueOf } from '../../support/temp-services';
import { openTestServices, TEST_BACKEND, type TestServices } from '../../support/test-services';

let services: TestServices;
beforeEach(async () => (services = await openTestServices()));
afterEach(() => services.dispose());

describe(`the test services on ${TEST_BACKEND}`, () => {
  it('are the back end the run asked for', () => {
    expect(services.backend).toBe(TEST_BACKEND);
    expect(services.context.store.backend).toBe(TEST_BACKEND);
  });

  it('see a saved patient in the snapshot and the change count, and a refused save in neither', async () => {
    const snapshot = await services.snapshot();
    const changes = await services.changes();
    const refused = await services.dispatch('createPatient', { patient: { ...fixtureIntake('en'), birthDate: '2999-01-01' } });
    expect(refused.ok).toBe(false);
    expect(await services.snapshot()).toBe(snapshot);
    expect(await services.changes()).toBe(changes);
    valueOf(await services.dispatch('createPatient', { patient: fixtureIntake('en') }));
    expect(await services.snapshot()).not.toBe(snapshot);
    expect(await services.changes()).toBeGreaterThan(changes);
  });

  it('count a write that was rolled back, and one made outside the services', async () => {
    const changes = await services.changes();
    await expect(
      services.context.store.transaction(async (tx) => {
        await tx.drafts.save('new:0b8f3f0e-7f2c-4b7e-9a59-3d9c1f7c2a11', 'x', null, { a: 1 }, 'then', null);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const afterRollback = await services.changes();
    expect(afterRollback).toBeGreaterThan(changes);
    await services.sql.run("UPDATE patients SET stay_address = 'x'");
    valueOf(await services.dispatch('createPatient', { patient: fixtureIntake('ko') }));
    expect(await services.changes()).toBeGreaterThan(afterRollback);
  });

  it('read a sealed column back as it was written, and open the CLI over the same data', async () => {
    const created = valueOf(await services.dispatch('createPatient', { patient: fixtureIntake('en') }));
    const row = (await services.sql.get<{ screening_json: string }>('SELECT screening_json FROM patients WHERE id = ?', created.id))!;
    expect(JSON.parse(services.seal.open('patients.screening_json', row.screening_json))).toMatchObject({
      pregnant: created.patient.screening.pregnant,
    });
    await services.close();
    const out: string[] = [];
    const search = ['patients', 'search', created.patient.names.latin, '--json'];
    expect(await services.cli(search, { out: (text) => out.push(text), err: (text) => out.push(text) })).toBe(0);
    expect(out.join('\n')).toContain(created.id);
  });
});
