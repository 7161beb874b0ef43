// The sessions of saved plans across patients (the week view), and recording what became of a session: done
// with the doctor's record, no-show, cancelled; a stale version is a conflict and old plans without statuses read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionListing } from '../../../src/shared/contract/plans';
import sharp from 'sharp';
import type { StoredPhoto } from '../../../src/shared/contract/photos';
import { LATER_SCREENING_FLAGS } from '../../../src/shared/domain/intake/vocabulary';
import { planSchema, positionalSessionId, sessionRecordSchema } from '../../../src/shared/domain/plan/plan-schema';
import type { ClinicSettings } from '../../../src/shared/domain/settings/clinic-settings';
import { fixtureIntake, movableClock, valueOf, type PlanItemInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
let patientId: string;

const trip = { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' };
const LATER_ANSWERS = Object.fromEntries(LATER_SCREENING_FLAGS.map((flag) => [flag, false]));

async function createPatient(latin: string, native: string): Promise<string> {
  const intake = fixtureIntake('en');
  // The fixture predates the later screening questions (read as not asked): answered here, so that the only
  // findings are the schedule's.
  const screening = { ...intake.screening, ...LATER_ANSWERS };
  const patient = { ...intake, names: { native, latin }, trip, screening };
  return valueOf(await services.dispatch('createPatient', { patient })).id;
}

async function savePlan(id: string, items: PlanItemInput[]): Promise<void> {
  const saved = await services.dispatch('savePatientPlan', { patientId: id, expectedVersion: 0, plan: { items } });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
}

async function sessions(from: string, to: string): Promise<readonly SessionListing[]> {
  return valueOf(await services.dispatch('listSessions', { from, to }));
}

/** Planned before the stay (FIXED_NOW); the tests that record what became of a session move it after them. */
let clock: ReturnType<typeof movableClock>;
/** 2027-02-27 10:00 in Korea: after the sessions of 22 and 26 February, before the departure. */
const AFTER_THE_SESSIONS = '2027-02-27T01:00:00Z';

beforeEach(async () => {
  clock = movableClock();
  services = await openTestServices(clock.now);
  patientId = await createPatient('Emily Carter', 'Emily Carter');
  // Pico laser (up to 60 min) at 10:00 and a hydrafacial at 10:30 on the same day overlap; the next day's does not.
  await savePlan(patientId, [
    { treatment: 'pico-laser', date: '2027-02-22', time: '10:00' },
    { treatment: 'hydrafacial', date: '2027-02-22', time: '10:30' },
    { treatment: 'ipl', date: '2027-02-26', time: '14:00' },
    { treatment: 'hydrafacial' },
  ]);
});
afterEach(() => services.dispose());

describe('listSessions', () => {
  it('lists the dated sessions in the range with the patient, minutes, status and same-patient conflicts', async () => {
    const other = await createPatient('Wang Xiaoyu', '王小雨');
    await savePlan(other, [{ treatment: 'hydrafacial', date: '2027-02-22', time: '10:00' }]);
    const listed = await sessions('2027-02-22', '2027-02-28');
    expect(listed.map((s) => [s.latinName, s.date, s.time, s.treatment, s.index, s.conflicts])).toEqual([
      ['Emily Carter', '2027-02-22', '10:00', 'pico-laser', 0, [1]],
      ['Wang Xiaoyu', '2027-02-22', '10:00', 'hydrafacial', 0, []],
      ['Emily Carter', '2027-02-22', '10:30', 'hydrafacial', 1, [0]],
      ['Emily Carter', '2027-02-26', '14:00', 'ipl', 2, []],
    ]);
    expect(listed[0]).toMatchObject({ patientId, nativeName: 'Emily Carter', minutes: 60, status: 'scheduled', record: null, version: 1 });
    expect(listed[1]!.nativeName).toBe('王小雨');
  });

  it('leaves out sessions outside the range and refuses a range backwards or longer than 31 days', async () => {
    expect(await sessions('2027-02-23', '2027-02-25')).toEqual([]);
    expect((await sessions('2027-02-26', '2027-02-26')).map((s) => s.index)).toEqual([2]);
    const backwards = await services.dispatch('listSessions', { from: '2027-02-28', to: '2027-02-22' });
    expect(backwards.ok).toBe(false);
    const tooLong = await services.dispatch('listSessions', { from: '2027-02-01', to: '2027-03-04' });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['to'], code: 'invalid' }] } });
    expect((await services.dispatch('listSessions', { from: '2027-02-01', to: '2027-03-03' })).ok).toBe(true);
  });
});

describe('listSessions: rooms and findings', () => {
  it('shows two patients in one room at once as a room conflict, and reads plans saved without rooms', async () => {
    const other = await createPatient('Wang Xiaoyu', '王小雨');
    await services.dispatch('saveClinicSettings', {
      settings: { ...(await settingsNow()), rooms: [{ name: 'Laser 1' }, { name: 'Room 2' }] },
    });
    const { plan } = valueOf(await services.dispatch('getPatientPlan', { patientId }));
    const items = plan.items.map((item, index) => (index === 2 ? { ...item, room: 'Laser 1' } : item));
    expect((await services.dispatch('savePatientPlan', { patientId, expectedVersion: 1, plan: { ...plan, items } })).ok).toBe(true);
    // Wang's IPL at 14:30 in Laser 1 overlaps Emily's at 14:00 (up to 60 min there); a session at 15:00 only touches it.
    await savePlan(other, [
      { treatment: 'ipl', date: '2027-02-26', time: '14:30', room: 'Laser 1' },
      { treatment: 'hydrafacial', date: '2027-02-26', time: '14:30', room: 'Room 2' },
    ]);
    const listed = await sessions('2027-02-26', '2027-02-26');
    const emily = listed.find((s) => s.patientId === patientId)!;
    const wangIpl = listed.find((s) => s.patientId === other && s.index === 0)!;
    const wangFacial = listed.find((s) => s.patientId === other && s.index === 1)!;
    expect(emily.room).toBe('Laser 1');
    expect(emily.roomConflicts).toEqual([{ patientId: other, index: 0 }]);
    expect(wangIpl.roomConflicts).toEqual([{ patientId, index: 2 }]);
    // Wang is in two rooms at once: a same-patient conflict, not a room one.
    expect(wangIpl.conflicts).toEqual([1]);
    expect(wangFacial.roomConflicts).toEqual([]);
    const untouched = await sessions('2027-02-22', '2027-02-22');
    expect(untouched.every((s) => s.room === null && s.roomConflicts.length === 0)).toBe(true);
  });

  it('carries each session’s open findings: a Sunday (closed) session has one, and loses it when moved back', async () => {
    const before = await sessions('2027-02-26', '2027-02-28');
    expect(before.find((s) => s.index === 2)!.findings).toEqual([]);
    const { plan } = valueOf(await services.dispatch('getPatientPlan', { patientId }));
    const moved = plan.items.map((item, index) => (index === 2 ? { ...item, date: '2027-02-28' } : item));
    const result = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 1, plan: { ...plan, items: moved } });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const after = await sessions('2027-02-26', '2027-02-28');
    const sunday = after.find((s) => s.index === 2)!;
    expect(sunday.date).toBe('2027-02-28');
    expect(sunday.findings.length).toBeGreaterThan(0);
    expect(sunday.findings[0]).toMatchObject({ severity: expect.stringMatching(/^(caution|block)$/), acknowledgedBy: null });
    expect(sunday.findings[0]!.message.en.length).toBeGreaterThan(0);
  });

  it('refuses a room name that is blank or listed twice in the settings, with the field path', async () => {
    const result = await services.dispatch('saveClinicSettings', {
      settings: { ...(await settingsNow()), rooms: [{ name: 'Laser 1' }, { name: ' laser 1' }, { name: '' }] },
    });
    if (result.ok) throw new Error('saved');
    expect(result.error.code).toBe('invalid_input');
    const { issues } = result.error;
    expect(issues).toEqual(
      expect.arrayContaining([{ path: ['settings', 'rooms', 1, 'name'], code: 'duplicate', message: expect.any(String) }]),
    );
    expect(issues.some((i) => i.path.join('.') === 'settings.rooms.2.name' && i.code === 'required')).toBe(true);
  });
});

async function settingsNow(): Promise<ClinicSettings> {
  return valueOf(await services.dispatch('getClinicSettings', {}));
}

describe('setSessionStatus', () => {
  beforeEach(() => clock.set(AFTER_THE_SESSIONS));
  it('records a done session with its doctor, device and settings, and keeps it after a reload', async () => {
    const record = {
      doctor: 'Dr. Kim Soo-jin',
      device: 'PicoSure',
      settings: { fluence: '2.8 J/cm²', spot: '6 mm' },
      notes: 'Mild redness',
    };
    const result = await services.dispatch('setSessionStatus', { patientId, index: 0, expectedVersion: 1, status: 'done', record });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.version).toBe(2);
    const stored = await services.dispatch('getPatientPlan', { patientId });
    expect(stored.ok && stored.value.plan.items[0]).toEqual({
      id: positionalSessionId(0),
      treatment: 'pico-laser',
      date: '2027-02-22',
      time: '10:00',
      status: 'done',
      record,
    });
    const [first] = await sessions('2027-02-22', '2027-02-22');
    expect(first).toMatchObject({ status: 'done', record, version: 2, conflicts: [1] });
  });

  it('refuses done without a doctor, and a stale version', async () => {
    const noRecord = await services.dispatch('setSessionStatus', { patientId, index: 0, expectedVersion: 1, status: 'done' });
    expect(noRecord).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['record', 'doctor'], code: 'required' }] },
    });
    const blankDoctor = await services.dispatch('setSessionStatus', {
      patientId,
      index: 0,
      expectedVersion: 1,
      status: 'done',
      record: { doctor: '  ' },
    });
    expect(blankDoctor).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['record', 'doctor'], code: 'required' }] },
    });
    const stale = await services.dispatch('setSessionStatus', { patientId, index: 0, expectedVersion: 3, status: 'no_show' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const outOfRange = await services.dispatch('setSessionStatus', { patientId, index: 9, expectedVersion: 1, status: 'no_show' });
    expect(outOfRange).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['index'] }] } });
  });

  it('a no-show or cancelled session drops any record and stops conflicting', async () => {
    await services.dispatch('setSessionStatus', { patientId, index: 1, expectedVersion: 1, status: 'done', record: { doctor: 'Dr. Lee' } });
    const noShow = await services.dispatch('setSessionStatus', { patientId, index: 1, expectedVersion: 2, status: 'no_show' });
    expect(noShow.ok).toBe(true);
    const listed = await sessions('2027-02-22', '2027-02-22');
    expect(listed.map((s) => [s.index, s.status, s.record, s.conflicts])).toEqual([
      [0, 'scheduled', null, []],
      [1, 'no_show', null, []],
    ]);
    await services.dispatch('setSessionStatus', { patientId, index: 0, expectedVersion: 3, status: 'cancelled' });
    expect((await sessions('2027-02-22', '2027-02-22'))[0]!.status).toBe('cancelled');
  });
});

describe('plan items with a status', () => {
  it('old plans without a status still parse; a record on a session that is not done is refused', () => {
    expect(planSchema.safeParse({ items: [{ treatment: 'ipl', date: '2027-02-22' }] }).success).toBe(true);
    expect(planSchema.safeParse({ items: [{ treatment: 'ipl', status: 'no_show', record: { doctor: 'Dr. Lee' } }] }).success).toBe(false);
    const done = planSchema.parse({ items: [{ treatment: 'ipl', status: 'done', record: { doctor: 'Dr. Lee' } }] });
    expect(done.items[0]!.record).toEqual({ doctor: 'Dr. Lee', device: '', settings: {}, notes: '' });
  });
});

describe('scheduling a plan', () => {
  beforeEach(() => clock.set(AFTER_THE_SESSIONS));
  it('keeps the status and record of sessions already dated', async () => {
    await services.dispatch('setSessionStatus', { patientId, index: 0, expectedVersion: 1, status: 'done', record: { doctor: 'Dr. Lee' } });
    const current = await services.dispatch('getPatientPlan', { patientId });
    if (!current.ok) throw new Error('no plan');
    const scheduled = await services.dispatch('schedulePatientPlan', { patientId, plan: current.value.plan });
    if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.error));
    const pico = scheduled.value.plan.items.find((item) => item.treatment === 'pico-laser');
    expect(pico).toMatchObject({ date: '2027-02-22', status: 'done', record: { doctor: 'Dr. Lee' } });
  });
});

describe('done record photos per angle', () => {
  beforeEach(() => clock.set(AFTER_THE_SESSIONS));
  const image = (background: string) =>
    sharp({ create: { width: 320, height: 240, channels: 3, background } })
      .jpeg()
      .toBuffer()
      .then((bytes) => bytes.toString('base64'));
  const addPhoto = async (id: string, angle: 'front' | 'oblique45' | 'profile90', background: string): Promise<StoredPhoto> => {
    return valueOf(
      await services.dispatch('addPhoto', { patientId: id, visitDate: '2027-02-22', angle, dataBase64: await image(background) }),
    );
  };

  it('the record schema takes a photo id per angle, optional, and refuses other angles and non-ids', () => {
    const base = { doctor: 'Dr. Kim' };
    expect(sessionRecordSchema.parse(base)).not.toHaveProperty('photos');
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(sessionRecordSchema.parse({ ...base, photos: { front: id, profile90: id } }).photos).toEqual({ front: id, profile90: id });
    const badAngle = sessionRecordSchema.safeParse({ ...base, photos: { back: id } });
    expect(badAngle.success).toBe(false);
    const badId = sessionRecordSchema.safeParse({ ...base, photos: { front: 'photo.jpg' } });
    expect(badId.success ? [] : badId.error.issues.map((i) => [i.path, i.message])).toEqual([[['photos', 'front'], 'invalid']]);
  });

  it('marks a session done with the patient’s photos per angle, listed with the session', async () => {
    const front = await addPhoto(patientId, 'front', '#c8a080');
    const side = await addPhoto(patientId, 'profile90', '#a08060');
    const record = { doctor: 'Dr. Kim Soo-jin', photos: { front: front.id, profile90: side.id } };
    const result = await services.dispatch('setSessionStatus', { patientId, index: 0, expectedVersion: 1, status: 'done', record });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [first] = await sessions('2027-02-22', '2027-02-22');
    expect(first!.record?.photos).toEqual({ front: front.id, profile90: side.id });
  });

  it('refuses another patient’s photo, an unknown id, and a photo attached as the wrong angle, by field path', async () => {
    const other = await createPatient('Wang Xiaoyu', '王小雨');
    const theirs = await addPhoto(other, 'front', '#907050');
    const mine = await addPhoto(patientId, 'oblique45', '#b09070');
    const result = await services.dispatch('setSessionStatus', {
      patientId,
      index: 0,
      expectedVersion: 1,
      status: 'done',
      record: { doctor: 'Dr. Kim', photos: { front: theirs.id, oblique45: '0f8fad5b-d9cb-469f-a165-70867728950e', profile90: mine.id } },
    });
    if (result.ok) throw new Error('marked done');
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['record.photos.front', 'photo_not_found'],
      ['record.photos.oblique45', 'photo_not_found'],
      ['record.photos.profile90', 'invalid'],
    ]);
    const stored = await services.dispatch('getPatientPlan', { patientId });
    expect(stored.ok && stored.value.version).toBe(1);
  });
});

describe('session ids through the services', () => {
  it('load a plan stored before sessions had ids, the same ids on every read, stored by the next save', async () => {
    // Straight into the table, as an older app stored it: no ids.
    const storedPlan = (seq: number) =>
      services.context.store.read(async (tx) => (await tx.plans.get(seq))!.plan as { items: { id?: string }[] });
    const seq = (await services.context.store.read((tx) => tx.patients.seqOf(patientId)))!;
    const before = await storedPlan(seq);
    expect(before.items.every((item) => typeof item.id === 'string')).toBe(true);
    const older = JSON.stringify({ items: before.items.map(({ id: _id, ...item }) => item) });
    await services.sql.run('UPDATE plans SET plan_json = ? WHERE patient_seq = ?', services.seal.seal('plans.plan_json', older), seq);
    const read = () => services.dispatch('getPatientPlan', { patientId });
    const first = await read();
    const second = await read();
    if (!first.ok || !second.ok) throw new Error('not loaded');
    expect(first.value.plan.items.map((item) => item.id)).toEqual([0, 1, 2, 3].map(positionalSessionId));
    expect(second.value.plan).toEqual(first.value.plan);
    await services.dispatch('savePatientPlan', { patientId, expectedVersion: 1, plan: first.value.plan });
    expect((await storedPlan(seq)).items.map((item) => item.id)).toEqual([0, 1, 2, 3].map(positionalSessionId));
  });

  it('record a status by the session id wherever the session now stands, and keep it through scheduling', async () => {
    clock.set(AFTER_THE_SESSIONS);
    const loaded = await services.dispatch('getPatientPlan', { patientId });
    if (!loaded.ok) throw new Error('not loaded');
    const ipl = loaded.value.plan.items[2]!;
    // Another screen reordered the plan: the week still names the IPL by its id, with the index it saw.
    const reordered = { ...loaded.value.plan, items: [ipl, ...loaded.value.plan.items.filter((item) => item.id !== ipl.id)] };
    await services.dispatch('savePatientPlan', { patientId, expectedVersion: 1, plan: reordered });
    const record = { doctor: 'Dr. Kim Soo-jin' };
    const done = await services.dispatch('setSessionStatus', {
      patientId,
      index: 2,
      sessionId: ipl.id,
      expectedVersion: 2,
      status: 'done',
      record,
    });
    if (!done.ok) throw new Error(JSON.stringify(done.error));
    expect(done.value.plan.items[0]).toMatchObject({ id: ipl.id, treatment: 'ipl', status: 'done' });
    expect(done.value.plan.items.filter((item) => item.status === 'done')).toHaveLength(1);
    // Scheduling keeps each session's id and what became of it.
    const scheduled = await services.dispatch('schedulePatientPlan', { patientId, plan: done.value.plan });
    if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.error));
    expect(scheduled.value.plan.items.find((item) => item.id === ipl.id)).toMatchObject({
      treatment: 'ipl',
      date: '2027-02-26',
      status: 'done',
      record,
    });
    expect(new Set(scheduled.value.plan.items.map((item) => item.id)).size).toBe(scheduled.value.plan.items.length);
    const unknown = await services.dispatch('setSessionStatus', {
      patientId,
      index: 0,
      sessionId: '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1aff',
      expectedVersion: 3,
      status: 'no_show',
    });
    expect(unknown).toMatchObject({ ok: false, error: { issues: [{ path: ['sessionId'], code: 'invalid' }] } });
  });
});
