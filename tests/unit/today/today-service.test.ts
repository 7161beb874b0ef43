// Today through the services on a real SQLite file: who lands and leaves today and tomorrow, today's sessions in
// time order with what blocks them, and the follow-ups due now, each as the screens that own them show it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TodayOverview } from '../../../src/shared/contract/today';
import { fixtureIntake, valueOf, type IntakeInput, type PlanInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

// FIXED_NOW is 2026-11-24 10:00 in Seoul.
const TODAY = '2026-11-24';
const TOMORROW = '2026-11-25';

let services: TestServices;
beforeEach(async () => {
  services = await openTestServices();
});
afterEach(() => services.dispose());

async function patient(latin: string, arrival: string, departure: string, changes: Partial<IntakeInput> = {}): Promise<string> {
  const base = fixtureIntake('en');
  const intake = { ...base, names: { ...base.names, latin }, trip: { arrival, departure, stayAddress: '' }, ...changes };
  return valueOf(await services.dispatch('createPatient', { patient: intake })).id;
}

async function plan(patientId: string, items: PlanInput['items']): Promise<void> {
  const saved = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 0, plan: { items } });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
}

async function today(): Promise<TodayOverview> {
  return valueOf(await services.dispatch('getToday', {}));
}

describe('Today', () => {
  it('lists arrivals and departures of today and tomorrow, by passport name, and nobody else', async () => {
    const landing = await patient('ZHANG WEI', TODAY, '2026-12-01');
    const leaving = await patient('AL-HARBI NOURA', '2026-11-18', TODAY);
    const landingTomorrow = await patient('TANAKA YUKI', TOMORROW, '2026-12-05');
    const leavingTomorrow = await patient('BROWN EMMA', '2026-11-20', TOMORROW);
    const alsoLandingTomorrow = await patient('ALVAREZ ANA', TOMORROW, '2026-12-02');
    await patient('STAYING SOMCHAI', '2026-11-20', '2026-11-30');
    await patient('LATER OYUNA', '2026-11-26', '2026-12-03');

    const view = await today();
    expect(view).toMatchObject({ today: TODAY, tomorrow: TOMORROW });
    expect(view.arrivals.today.map((p) => p.id)).toEqual([landing]);
    expect(view.arrivals.tomorrow.map((p) => p.id)).toEqual([alsoLandingTomorrow, landingTomorrow]);
    expect(view.departures.today.map((p) => p.id)).toEqual([leaving]);
    expect(view.departures.tomorrow.map((p) => p.id)).toEqual([leavingTomorrow]);
  });

  it('lists a restricted record nowhere', async () => {
    const id = await patient('ZHANG WEI', TODAY, '2026-12-01');
    valueOf(await services.dispatch('requestErasure', { patientId: id, reason: 'patient asked' }));
    expect((await today()).arrivals.today).toEqual([]);
  });

  it('orders today’s sessions by time, untimed last, leaves cancelled ones and other days out', async () => {
    const first = await patient('ZHANG WEI', '2026-11-20', '2026-12-01');
    const second = await patient('TANAKA YUKI', '2026-11-20', '2026-12-01');
    await plan(first, [
      { treatment: 'hydrafacial', date: TODAY, time: '14:00', room: 'Room 2' },
      { treatment: 'pico-laser', date: TODAY },
      { treatment: 'rejuran-healer', date: TOMORROW, time: '10:00' },
    ]);
    await plan(second, [
      { treatment: 'hydrafacial', date: TODAY, time: '11:30' },
      { treatment: 'pico-laser', date: TODAY, time: '09:00', status: 'cancelled' },
    ]);
    const sessions = (await today()).sessions;
    expect(sessions.map((s) => [s.latinName, s.treatment, s.time, s.room])).toEqual([
      ['TANAKA YUKI', 'hydrafacial', '11:30', null],
      ['ZHANG WEI', 'hydrafacial', '14:00', 'Room 2'],
      ['ZHANG WEI', 'pico-laser', null, null],
    ]);
  });

  it('names what blocks a session today: a treatment without a price, a block no doctor acknowledged', async () => {
    const settings = valueOf(await services.dispatch('getClinicSettings', {}));
    const { 'pico-laser': _dropped, ...prices } = settings.prices;
    valueOf(await services.dispatch('saveClinicSettings', { settings: { ...settings, prices } }));

    const id = await patient('ZHANG WEI', '2026-11-20', '2026-12-01');
    await plan(id, [
      { treatment: 'rejuran-healer', date: TODAY, time: '11:00' },
      { treatment: 'pico-laser', date: TODAY, time: '15:00' },
      { treatment: 'hydrafacial', date: TODAY, time: '16:00' },
    ]);
    // A fish allergy told after the plan was saved: the salmon-DNA booster of today is now blocked, unacknowledged.
    const record = valueOf(await services.dispatch('getPatient', { id }));
    const allergic = { ...record.patient, screening: { ...record.patient.screening, allergies: { items: ['fish' as const], other: '' } } };
    valueOf(await services.dispatch('updatePatient', { id, expectedVersion: record.version, patient: allergic }));

    const view = await today();
    const byTreatment = new Map(view.sessions.map((s) => [s.treatment, s.blockers]));
    expect(byTreatment.get('rejuran-healer')!.map((b) => b.kind)).toEqual(['unacknowledged_block']);
    expect(byTreatment.get('pico-laser')).toEqual([{ kind: 'missing_price', treatment: 'pico-laser' }]);
    expect(byTreatment.get('hydrafacial')).toEqual([]);
    expect(view.blockedSessions).toBe(2);
  });

  it('shows the follow-ups due now, as the follow-ups screen lists them', async () => {
    const id = await patient('BROWN EMMA', '2026-11-10', '2026-11-18', { homeTimeZone: 'America/Los_Angeles' });
    await plan(id, [{ treatment: 'hydrafacial', date: '2026-11-12', status: 'done', record: { doctor: 'Dr. Kim' } }]);
    const view = await today();
    const listed = valueOf(await services.dispatch('listDueFollowUps', {})).followUps;
    expect(listed.length).toBeGreaterThan(0);
    expect(view.followUps.map((f) => f.id)).toEqual(listed.map((f) => f.id));
    expect(view.followUps[0]).toMatchObject({ patientId: id, step: 'day-3' });
  });
});
