import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DueFollowUp } from '../../../src/shared/contract/followups';
import { fixtureIntake, valueOf } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
let patientId: string;

beforeEach(async () => {
  services = await openTestServices();
  // A patient from Los Angeles flying home on 2027-03-01; day 3 falls before the DST change, week 2 after.
  const patient = {
    ...fixtureIntake('en'),
    homeTimeZone: 'America/Los_Angeles',
    trip: { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' },
  };
  const created = await services.dispatch('createPatient', { patient });
  patientId = valueOf(created).id;
  const saved = await services.dispatch('savePatientPlan', {
    patientId,
    expectedVersion: 0,
    plan: {
      items: [
        { treatment: 'pico-laser', date: '2027-02-22' },
        { treatment: 'hydrafacial', date: '2027-02-23' },
      ],
    },
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
});
afterEach(() => services.dispose());

async function due(at: string): Promise<readonly DueFollowUp[]> {
  const result = await services.dispatch('listDueFollowUps', { at });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.followUps;
}

describe('follow-ups after the flight', () => {
  it('are made when the plan is saved, one per step that concerns its treatments', async () => {
    const steps = (await services.sql.all<{ step: string }>('SELECT step FROM followups ORDER BY due_at')).map((r) => r.step);
    expect(steps).toEqual(['day-3', 'week-2', 'month-1', 'month-3', 'month-6']);
  });

  it('fall due at 10:00 on the patient’s clock, shown in Korea time, across the DST change', async () => {
    // Day 3: 2027-03-04 10:00 PST = 18:00 UTC = 03-05 03:00 in Seoul.
    expect(await due('2027-03-04T17:59:00Z')).toEqual([]);
    const [day3] = await due('2027-03-04T18:00:00Z');
    expect(day3).toMatchObject({
      step: 'day-3',
      localDate: '2027-03-04',
      dueAt: '2027-03-04T18:00:00.000Z',
      dueKorea: '2027-03-05 03:00',
      state: 'due',
    });
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
    const version = valueOf(current).version;
    await services.dispatch('savePatientPlan', {
      patientId,
      expectedVersion: version,
      plan: { items: [{ treatment: 'hydrafacial', date: '2027-02-23' }] },
    });
    const steps = (await services.sql.all<{ step: string }>('SELECT step FROM followups')).map((r) => r.step);
    expect(steps).toEqual(['day-3']);
  });
});

describe('recording what came of a follow-up', () => {
  const followUps = async () => {
    const result = await services.dispatch('listPatientFollowUps', { patientId });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  };

  it('photos received closes it; a concern keeps it on the due list, flagged, even when the plan is saved again', async () => {
    const [day3, week2] = await followUps();
    const closed = await services.dispatch('recordFollowUpOutcome', {
      id: day3!.id,
      outcome: 'photos_received',
      note: ' 3 photos on WhatsApp ',
    });
    expect(closed.ok && closed.value).toMatchObject({ outcome: 'photos_received', state: 'done', note: '3 photos on WhatsApp' });
    await services.dispatch('recordFollowUpOutcome', { id: week2!.id, outcome: 'concern_raised', note: 'Dark patch on the left cheek' });
    const flagged = await due('2027-03-20T00:00:00Z');
    expect(flagged.map((f) => [f.step, f.outcome, f.note])).toEqual([['week-2', 'concern_raised', 'Dark patch on the left cheek']]);
    expect(flagged[0]!.languages[0]).toBe('en');

    const current = await services.dispatch('getPatientPlan', { patientId });
    const version = valueOf(current).version;
    await services.dispatch('savePatientPlan', {
      patientId,
      expectedVersion: version,
      plan: { items: [{ treatment: 'hydrafacial', date: '2027-02-23' }] },
    });
    const after = await followUps();
    expect(after.find((f) => f.step === 'week-2')).toMatchObject({ outcome: 'concern_raised', note: 'Dark patch on the left cheek' });
    expect(after.find((f) => f.step === 'day-3')).toMatchObject({ outcome: 'photos_received', state: 'done' });
  });

  it('refuses an unknown follow-up and an unknown outcome, changing nothing', async () => {
    const before = await services.snapshot();
    const missing = await services.dispatch('recordFollowUpOutcome', {
      id: '00000000-0000-4000-8000-000000000000',
      outcome: 'done',
      note: '',
    });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
    const [first] = await followUps();
    const bad = await services.dispatchRaw('recordFollowUpOutcome', { id: first!.id, outcome: 'forgotten', note: '' });
    expect(bad.ok ? null : bad.error.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['outcome:invalid_choice']);
    expect(await services.snapshot()).toBe(before);
  });
});
