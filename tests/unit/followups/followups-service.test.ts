import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DueFollowUp } from '../../../src/shared/contract/followups';
import type { PatientRecord } from '../../../src/shared/contract/patients';
import { fixtureIntake, openTempServices, type TempServices } from '../../support/temp-services';

let services: TempServices;
let patientId: string;

beforeEach(async () => {
  services = openTempServices();
  // A patient from Los Angeles flying home on 2027-03-01; day 3 falls before the DST change, week 2 after.
  const patient = { ...fixtureIntake('en'), homeTimeZone: 'America/Los_Angeles', trip: { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' } };
  const created = await services.dispatch('createPatient', { patient });
  patientId = (created as { value: PatientRecord }).value.id;
  const saved = await services.dispatch('savePatientPlan', {
    patientId,
    expectedVersion: 0,
    plan: { items: [{ treatment: 'pico-laser', date: '2027-02-22' }, { treatment: 'hydrafacial', date: '2027-02-23' }] },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
});
afterEach(() => services.dispose());

async function due(at: string): Promise<DueFollowUp[]> {
  const result = await services.dispatch('listDueFollowUps', { at });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { followUps: DueFollowUp[] }).followUps;
}

describe('follow-ups after the flight', () => {
  it('are made when the plan is saved, one per step that concerns its treatments', () => {
    const steps = services.context.db.prepare<[], { step: string }>('SELECT step FROM followups ORDER BY due_at').all().map((r) => r.step);
    expect(steps).toEqual(['day-3', 'week-2', 'month-1', 'month-3', 'month-6']);
  });

  it('fall due at 10:00 on the patient’s clock, shown in Korea time, across the DST change', async () => {
    // Day 3: 2027-03-04 10:00 PST = 18:00 UTC = 03-05 03:00 in Seoul.
    expect(await due('2027-03-04T17:59:00Z')).toEqual([]);
    const [day3] = await due('2027-03-04T18:00:00Z');
    expect(day3).toMatchObject({ step: 'day-3', localDate: '2027-03-04', dueAt: '2027-03-04T18:00:00.000Z', dueKorea: '2027-03-05 03:00', state: 'due' });
    expect(day3!.treatments).toEqual(['pico-laser', 'hydrafacial']);
    // Week 2: 2027-03-15 10:00 PDT = 17:00 UTC = 03-16 02:00 in Seoul; day 3 is overdue by then.
    const list = await due('2027-03-15T17:00:00Z');
    expect(list.map((f) => [f.step, f.state, f.dueKorea])).toEqual([
      ['day-3', 'overdue', '2027-03-05 03:00'],
      ['week-2', 'due', '2027-03-16 02:00'],
    ]);
    expect(list[1]!.treatments).toEqual(['pico-laser']); // a facial has no two-week check
  });

  it('are remade when the plan changes, keeping one per step', async () => {
    const current = await services.dispatch('getPatientPlan', { patientId });
    const version = (current as { value: { version: number } }).value.version;
    await services.dispatch('savePatientPlan', { patientId, expectedVersion: version, plan: { items: [{ treatment: 'hydrafacial', date: '2027-02-23' }] } });
    const steps = services.context.db.prepare<[], { step: string }>('SELECT step FROM followups').all().map((r) => r.step);
    expect(steps).toEqual(['day-3']);
  });
});
