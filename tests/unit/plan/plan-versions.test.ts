// Clinical records are amended, never overwritten: every saved version of a plan (session records included)
// stays readable, newest first, with when and by whom.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { FIXED_NOW, fixtureIntake, movableClock, type PlanInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
let clock: ReturnType<typeof movableClock>;
let patientId: string;

const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
};

beforeEach(async () => {
  clock = movableClock();
  services = await openTestServices(clock.now);
  const patient = { ...fixtureIntake('en'), trip: { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' } };
  patientId = (await call('createPatient', { patient })).id;
});
afterEach(() => services.dispose());

describe('plan versions', () => {
  it('a patient without a plan has none', async () => {
    expect(await call('listPlanVersions', { patientId })).toEqual([]);
  });

  it('keeps every saved version, and the session record made on one, readable after later saves', async () => {
    await services.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Park Ji-won', FIXED_NOW.toISOString()));
    const first: PlanInput = { items: [{ treatment: 'pico-laser', date: '2027-02-22' }] };
    await call('savePatientPlan', { patientId, expectedVersion: 0, plan: first });
    const record = { doctor: 'Dr. Kim Soo-jin', device: 'PicoSure', settings: { fluence: '2.8 J/cm²' }, notes: 'mild erythema' };
    clock.set('2027-02-22T03:00:00Z'); // the session has taken place
    await call('setSessionStatus', { patientId, index: 0, expectedVersion: 1, status: 'done', record });
    // A later save drops the session from the plan: the earlier versions still show it, with its record.
    await call('savePatientPlan', { patientId, expectedVersion: 2, plan: { items: [{ treatment: 'hydrafacial', date: '2027-02-23' }] } });

    const versions = await call('listPlanVersions', { patientId });
    expect(versions.map((kept) => kept.version)).toEqual([3, 2, 1]);
    expect(versions.every((kept) => kept.savedBy === 'Park Ji-won')).toBe(true);
    expect(versions.map((kept) => kept.savedAt)).toEqual(['2027-02-22T03:00:00.000Z', '2027-02-22T03:00:00.000Z', FIXED_NOW.toISOString()]);
    expect(versions[2]!.plan.items).toEqual([expect.objectContaining({ treatment: 'pico-laser', date: '2027-02-22' })]);
    expect(versions[1]!.plan.items[0]).toMatchObject({ status: 'done', record });
    expect(versions[0]!.plan.items).toEqual([expect.objectContaining({ treatment: 'hydrafacial' })]);
  });

  it('a conflicting save keeps no version', async () => {
    await call('savePatientPlan', { patientId, expectedVersion: 0, plan: { items: [] } });
    const stale = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 0, plan: { items: [] } });
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
    expect((await call('listPlanVersions', { patientId })).map((kept) => kept.version)).toEqual([1]);
  });

  /** A trigger that makes every insert or update of a plan change no row, in each dialect's words: RAISE(IGNORE)
   * on SQLite, a BEFORE trigger that returns NULL on PostgreSQL. */
  const skipPlanWrites = async (what: 'insert' | 'update') => {
    if (services.backend === 'sqlite')
      return services.sql.run(`CREATE TEMP TRIGGER plans_skip_${what} BEFORE ${what} ON plans BEGIN SELECT RAISE(IGNORE); END`);
    await services.sql.run('CREATE OR REPLACE FUNCTION skip_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$');
    await services.sql.run(`CREATE TRIGGER plans_skip_${what} BEFORE ${what} ON plans FOR EACH ROW EXECUTE FUNCTION skip_row()`);
  };

  it('a save whose versioned write changes no row is a conflict, with no version, session row nor entry', async () => {
    // A writer elsewhere got there between the version read and the write (a back end that does not hold the write
    // lock from the first read): stood in for by triggers that make the plan's insert and update change no row.
    await skipPlanWrites('insert');
    await skipPlanWrites('update');
    const plan: PlanInput = { items: [{ treatment: 'pico-laser', date: '2027-02-22' }] };
    const before = await services.snapshot();
    const first = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 0, plan });
    expect(first.ok ? null : first.error.code).toBe('conflict');
    expect(await services.snapshot()).toBe(before);

    await services.sql.run(services.backend === 'sqlite' ? 'DROP TRIGGER plans_skip_insert' : 'DROP TRIGGER plans_skip_insert ON plans');
    await call('savePatientPlan', { patientId, expectedVersion: 0, plan });
    const saved = await services.snapshot();
    const second = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 1, plan: { items: [] } });
    expect(second.ok ? null : second.error.code).toBe('conflict');
    const session = await services.dispatch('setSessionStatus', { patientId, index: 0, expectedVersion: 1, status: 'cancelled' });
    expect(session.ok ? null : session.error.code).toBe('conflict');
    expect(await services.snapshot()).toBe(saved);
    expect((await call('listPlanVersions', { patientId })).map((kept) => kept.version)).toEqual([1]);
  });

  it('a kept version cannot be overwritten in the database', async () => {
    await call('savePatientPlan', { patientId, expectedVersion: 0, plan: { items: [] } });
    await expect(services.sql.run("UPDATE plan_versions SET plan_json = '{}'")).rejects.toThrow(/never overwritten/);
  });

  it('an unknown patient is not found', async () => {
    const result = await services.dispatch('listPlanVersions', { patientId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f' });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });
});
