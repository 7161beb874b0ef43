import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { fixtureIntake, valueOf, type IntakeInput, type PlanInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
let patientId: string;

beforeEach(async () => {
  services = await openTestServices();
  // A Chinese patient in Seoul 2026-12-01..12-15, fish allergy, melasma and pores.
  const base = fixtureIntake('zh-Hans');
  const patient: IntakeInput = {
    ...base,
    trip: { ...base.trip, arrival: '2026-12-01', departure: '2026-12-15' },
    skin: { fitzpatrick: 3, concerns: ['melasma', 'enlarged_pores', 'dehydration'] },
    screening: { ...base.screening, allergies: { items: ['fish'], other: '' }, isotretinoinLastDose: null },
  };
  patientId = valueOf(await services.dispatch('createPatient', { patient })).id;
});
afterEach(() => services.dispose());

const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> =>
  valueOf(await services.dispatch(channel, input));

describe('a patient’s treatment plan', () => {
  it('starts empty, with suggestions from the patient’s concerns', async () => {
    const { plan, version, evaluation } = await call('getPatientPlan', { patientId });
    expect(plan.items).toEqual([]);
    expect(version).toBe(0);
    expect(evaluation.suggestions.length).toBeGreaterThan(0);
    expect(evaluation.suggestions).toContain('pico-laser');
  });

  it('blocks salmon PN for a fish allergy, refuses to save it unacknowledged, and saves once a doctor acknowledges', async () => {
    const plan: PlanInput = {
      items: [
        { treatment: 'rejuran-healer', date: '2026-12-03' },
        { treatment: 'pico-laser', date: '2026-12-03' },
      ],
    };
    const evaluation = await call('evaluatePatientPlan', { patientId, plan });
    const block = evaluation.findings.find((f) => f.severity === 'block' && f.treatment === 'rejuran-healer');
    expect(block).toBeDefined();
    expect(evaluation.unacknowledgedBlocks).toBeGreaterThan(0);

    const before = await services.snapshot();
    const refused = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 0, plan });
    expect(refused.ok ? [] : refused.error.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toContain(
      'plan.items.0:block_not_acknowledged',
    );
    expect(await services.snapshot()).toBe(before);

    const acknowledgements = evaluation.findings
      .filter((f) => f.severity === 'block')
      .map((f) => ({ rule: f.rule, treatment: f.treatment, date: f.date, doctor: 'Dr. Kim Soo-jin', at: '2026-11-24T10:00:00+09:00' }));
    const saved = await call('savePatientPlan', { patientId, expectedVersion: 0, plan: { ...plan, acknowledgements } });
    expect(saved.version).toBe(1);
    expect(saved.evaluation.unacknowledgedBlocks).toBe(0);
    expect(saved.evaluation.findings.find((f) => f.rule === block!.rule)?.acknowledgedBy).toBe('Dr. Kim Soo-jin');
    const reread = await call('getPatientPlan', { patientId });
    expect(reread.plan.items).toHaveLength(2);
    // A second save from the old version is a conflict.
    const stale = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 0, plan: { ...plan, acknowledgements } });
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
  });

  it('compares screening dates with each session’s date, not today', async () => {
    const record = await call('getPatient', { id: patientId });
    const patient = { ...record.patient, screening: { ...record.patient.screening, isotretinoinLastDose: '2026-06-05' } };
    await call('updatePatient', { id: patientId, expectedVersion: record.version, patient });
    const findings = async (date: string) =>
      (await call('evaluatePatientPlan', { patientId, plan: { items: [{ treatment: 'fraxel', date }] } })).findings.map((f) => f.rule);
    // 183 days after 2026-06-05 is 2026-12-05: a session on the 4th is inside six months, on the 5th just outside.
    expect((await findings('2026-12-04')).some((rule) => rule.includes('isotretinoin'))).toBe(true);
    expect((await findings('2026-12-05')).some((rule) => rule.includes('isotretinoin'))).toBe(false);
  });

  it('schedules undated sessions inside the stay and keeps what does not fit for the next visit', async () => {
    const plan: PlanInput = {
      items: [{ treatment: 'pico-laser' }, { treatment: 'pico-laser' }, { treatment: 'pico-laser' }, { treatment: 'hydrafacial' }],
    };
    const scheduled = await call('schedulePatientPlan', { patientId, plan });
    const dated = scheduled.plan.items.filter((item) => item.date !== null);
    for (const item of dated) expect(item.date! >= '2026-12-01' && item.date! < '2026-12-15').toBe(true);
    expect(scheduled.plan.items).toHaveLength(4);
    expect(scheduled.nextVisit.reduce((n, v) => n + v.sessions, 0)).toBe(4 - dated.length);
  });

  it('quotes in KRW with the clinic’s prices and VAT, and in the home currency at the entered rate', async () => {
    const settings = await call('getClinicSettings', {});
    await call('saveClinicSettings', {
      settings: { ...settings, prices: { ...settings.prices, 'pico-laser': 150_000, hydrafacial: 120_000 } },
    });
    const plan: PlanInput = {
      items: [
        { treatment: 'pico-laser', date: '2026-12-02' },
        { treatment: 'hydrafacial', date: '2026-12-03' },
        { treatment: 'subcision', date: null },
      ],
      discounts: { 'pico-laser': 10 },
      rate: { krwPerUnit: '190.35', date: '2026-11-20', source: 'Hana Bank' },
    };
    const { quote } = await call('evaluatePatientPlan', { patientId, plan });
    expect(quote.totalKrw).toBe(135_000 + 120_000);
    expect(quote.unpriced).toEqual(['subcision']);
    expect(quote.home).toMatchObject({ currency: 'CNY', total: '1339.64', rateIsStale: false });
  });

  it('builds the consent summary in Korean and English with the signature lines and the patient’s flags', async () => {
    // The fish-allergy block is acknowledged: an unacknowledged one would keep the booster out of the consent.
    const plan: PlanInput = {
      items: [{ treatment: 'rejuran-healer', date: '2026-12-03' }],
      acknowledgements: [
        {
          rule: 'fish-allergy-salmon-pn',
          treatment: 'rejuran-healer',
          date: '2026-12-03',
          doctor: 'Kim Minji',
          at: '2026-11-30T01:00:00Z',
        },
      ],
    };
    const { consent } = await call('evaluatePatientPlan', { patientId, plan });
    expect(consent.ko.treatments[0]?.name).toMatch(/[가-힣]/);
    expect(consent.en.treatments[0]?.name).toMatch(/Rejuran/i);
    expect(consent.en.signatures).toEqual(['patient', 'coordinator', 'doctor']);
    expect(consent.en.flaggedConditions.length).toBeGreaterThan(0);
    expect(consent.en.treatments[0]?.sideEffects.length).toBeGreaterThan(0);
  });

  it('lists findings most severe first, and keeps scheduling problems out of the consent summary', async () => {
    // A Sunday session (clinic closed: a caution) and a fish-allergy block.
    const plan: PlanInput = {
      items: [
        { treatment: 'hydrafacial', date: '2026-12-06' },
        { treatment: 'rejuran-healer', date: '2026-12-07' },
      ],
      acknowledgements: [
        {
          rule: 'fish-allergy-salmon-pn',
          treatment: 'rejuran-healer',
          date: '2026-12-07',
          doctor: 'Kim Minji',
          at: '2026-11-30T01:00:00Z',
        },
      ],
    };
    const { findings, consent } = await call('evaluatePatientPlan', { patientId, plan });
    const order = { block: 0, caution: 1, info: 2 };
    expect(findings.map((f) => order[f.severity])).toEqual([...findings.map((f) => order[f.severity])].sort());
    expect(findings.some((f) => f.rule === 'schedule-clinic-closed')).toBe(true);
    expect(consent.en.flaggedConditions.some((text) => /closed/i.test(text))).toBe(false);
    expect(
      consent.en.flaggedConditions.some((text) => /fish/i.test(text) && text.includes('Dr Kim Minji reviewed this on 2026-11-30')),
    ).toBe(true);
    // Without the acknowledgement, the booster is kept out of what the patient signs.
    const { consent: blocked } = await call('evaluatePatientPlan', { patientId, plan: { items: plan.items } });
    expect(blocked.en.treatments.map((t) => t.id)).toEqual(['hydrafacial']);
    expect(blocked.en.keptOut).toEqual(['Rejuran Healer']);
  });

  it('refuses a plan for a patient that does not exist', async () => {
    const result = await services.dispatch('getPatientPlan', { patientId: '00000000-0000-4000-8000-000000000000' });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });
});
