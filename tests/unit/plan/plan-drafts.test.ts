// Unsaved plans in the encrypted database: saved and read back per patient, discarded, refused for a restricted
// record, erased by a deletion request and destroyed with the record; read and discarded from the CLI too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { createRightsService } from '../../../src/main/services/rights-service';
import { fixtureIntake, type PlanInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

const DOCTOR = 'Dr. Kim Soo-jin';
let services: TestServices;
let patientId: string;

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const draftPlan: PlanInput = {
  items: [
    {
      treatment: 'pico-laser',
      date: '2026-12-06',
      time: '10:00',
      status: 'done',
      record: { doctor: DOCTOR, device: 'PicoSure', settings: {}, notes: 'mild erythema' },
    },
  ],
  acknowledgements: [],
  discounts: {},
};

beforeEach(async () => {
  services = await openTestServices();
  patientId = (await call('createPatient', { patient: fixtureIntake('ja') })).id;
});
afterEach(() => services.dispose());

describe('plan drafts', () => {
  it('are saved per patient, read back as a plan, and discarded', async () => {
    const other = (await call('createPatient', { patient: fixtureIntake('th') })).id;
    const { savedAt } = await call('savePlanDraft', { patientId, baseVersion: 0, plan: draftPlan });
    const draft = await call('getPlanDraft', { patientId });
    expect(draft).toMatchObject({ baseVersion: 0, savedAt, plan: { items: [{ treatment: 'pico-laser', record: { doctor: DOCTOR } }] } });
    expect(await call('getPlanDraft', { patientId: other })).toBeNull();

    // A second save replaces the first.
    await call('savePlanDraft', { patientId, baseVersion: 1, plan: { items: [{ treatment: 'led-therapy', date: null }] } });
    expect((await call('getPlanDraft', { patientId }))?.plan.items.map((item) => item.treatment)).toEqual(['led-therapy']);

    expect(await call('discardPlanDraft', { patientId })).toEqual({ discarded: true });
    expect(await call('discardPlanDraft', { patientId })).toEqual({ discarded: false });
    expect(await call('getPlanDraft', { patientId })).toBeNull();
  });

  it('refuse an unknown patient and a plan the schema refuses, on their fields', async () => {
    const unknown = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(await services.dispatch('savePlanDraft', { patientId: unknown, baseVersion: 0, plan: draftPlan })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const bad = await services.dispatchRaw('savePlanDraft', {
      patientId,
      baseVersion: 0,
      plan: { items: [{ treatment: 'no-such-thing', date: null }] },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['plan', 'items', 0, 'treatment'] }] } });
    expect(await call('getPlanDraft', { patientId })).toBeNull();
  });

  it('are erased by a deletion request, and a restricted record keeps none', async () => {
    await call('savePlanDraft', { patientId, baseVersion: 0, plan: draftPlan });
    await call('requestErasure', { patientId, reason: '' });
    expect(await call('getPlanDraft', { patientId })).toBeNull();
    expect(await services.snapshot()).not.toContain('mild erythema');
    const refused = await services.dispatch('savePlanDraft', { patientId, baseVersion: 0, plan: draftPlan });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'record_restricted', issues: [{ path: ['patientId'], code: 'record_restricted' }] },
    });
  });

  it('go with the record when its retention ends', async () => {
    await call('requestErasure', { patientId, reason: '' });
    // A draft left from before the restriction (written straight to the repository, as no channel would now).
    await services.context.store.transaction(async (tx) => tx.planDrafts.save((await tx.patients.seqOf(patientId))!, 0, draftPlan, 'then'));
    const { erased } = await createRightsService(services.context).purgeExpired({ now: new Date('2040-01-01T00:00:00Z') });
    expect(erased).toEqual([patientId]);
    expect(await services.sql.get('SELECT count(*) AS n FROM plan_drafts')).toEqual({ n: 0 });
  });

  it('are shown and discarded by the CLI: plan draft ID [--discard]', async () => {
    await call('savePlanDraft', { patientId, baseVersion: 0, plan: draftPlan });
    await services.close(); // the CLI opens the same database itself
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const code = await services.cli(['plan', 'draft', ...args], {
        out: (text) => out.push(text),
        err: (text) => out.push(text),
      });
      return { code, out: out.join('\n') };
    };
    const shown = await cli(patientId);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out)).toMatchObject({ baseVersion: 0, plan: { items: [{ record: { doctor: DOCTOR } }] } });
    expect(await cli(patientId, '--discard')).toEqual({ code: 0, out: 'Discarded the unsaved plan.' });
    expect(await cli(patientId)).toEqual({ code: 0, out: 'No unsaved plan.' });
    expect((await cli('not-an-id')).code).toBe(2);
    services = await services.reopen();
  });
});
