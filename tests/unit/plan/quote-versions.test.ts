// "Mark as sent" keeps the quote as the patient received it, as a new version each time, never overwritten; the
// plan-and-quote handout prints the version the patient holds, and a plan changed after it no longer matches it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { heldVersion } from '../../../src/shared/domain/plan/quote-versions';
import { FIXED_NOW, fixtureIntake, type PlanInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';
import { pdfText } from '../handouts/pdf-tools';

let services: TestServices;
let patientId: string;

const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
};

const priced: PlanInput = {
  items: [
    { treatment: 'pico-laser', date: '2027-02-22' },
    { treatment: 'hydrafacial', date: null, nextVisit: true },
  ],
};

beforeEach(async () => {
  services = await openTestServices();
  await services.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Park Ji-won', FIXED_NOW.toISOString()));
  const patient = { ...fixtureIntake('en'), trip: { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' } };
  patientId = (await call('createPatient', { patient })).id;
});
afterEach(() => services.dispose());

describe('quote versions', () => {
  it('keep the quote as sent (lines, amounts, rate, date, who), a new version each time, never overwritten', async () => {
    const saved = await call('savePatientPlan', { patientId, expectedVersion: 0, plan: priced });
    const first = await call('markQuoteSent', { patientId, expectedVersion: 1 });
    expect(first).toMatchObject({ version: 1, planVersion: 1, sentAt: FIXED_NOW.toISOString(), sentBy: 'Park Ji-won' });
    expect(first.quote).toEqual(saved.evaluation.quote);
    expect(first.quote.nextVisit?.lines.map((line) => line.treatment)).toEqual(['hydrafacial']);

    // The plan changes: the patient holds an older quote, until the new one is sent as version 2.
    const changed = await call('savePatientPlan', {
      patientId,
      expectedVersion: 1,
      plan: { items: [{ treatment: 'pico-laser', date: '2027-02-22' }] },
    });
    expect(heldVersion(changed.evaluation.quote, [first])).toBeNull();
    const second = await call('markQuoteSent', { patientId, expectedVersion: 2 });
    expect(second.version).toBe(2);
    expect(heldVersion(changed.evaluation.quote, [first, second])?.version).toBe(2);

    const kept = await call('listQuoteVersions', { patientId });
    expect(kept.map((version) => version.version)).toEqual([2, 1]);
    expect(kept[1]).toEqual(first);
    await expect(services.sql.run("UPDATE quote_versions SET quote_json = '{}'")).rejects.toThrow(/never overwritten/);
    await expect(services.sql.run('DELETE FROM quote_versions')).rejects.toThrow(/never overwritten/);
    expect(await call('listQuoteVersions', { patientId })).toEqual(kept);
  });

  it('send only the saved plan, and only a quote with every price', async () => {
    await call('savePatientPlan', { patientId, expectedVersion: 0, plan: priced });
    expect(await services.dispatch('markQuoteSent', { patientId, expectedVersion: 2 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await call('savePatientPlan', {
      patientId,
      expectedVersion: 1,
      plan: { items: [...priced.items, { treatment: 'led-therapy', date: '2027-02-23' }] },
    });
    expect(await services.dispatch('markQuoteSent', { patientId, expectedVersion: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['settings', 'prices', 'led-therapy'], code: 'price_missing' }] },
    });
    expect(await call('listQuoteVersions', { patientId })).toEqual([]);
  });

  it('the plan-and-quote handout prints the version the patient holds, and no version once the plan changed', async () => {
    await call('savePatientPlan', { patientId, expectedVersion: 0, plan: priced });
    await call('markQuoteSent', { patientId, expectedVersion: 1 });
    const handout = async () =>
      pdfText(Buffer.from((await call('makeHandout', { patientId, kind: 'plan', language: 'en', bilingual: false })).pdfBase64, 'base64'));
    expect(await handout()).toMatch(/Quote version 1, sent on \d+ \w+ \d{4}/);
    await call('savePatientPlan', { patientId, expectedVersion: 1, plan: { items: [{ treatment: 'hydrafacial', date: '2027-02-23' }] } });
    expect(await handout()).not.toContain('Quote version');
  });
});
