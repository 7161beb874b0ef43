// The audit log over the real services, on the SQLite file and on PostgreSQL: every audited action appends exactly one entry
// with who, what, when, which patient and which fields; the table refuses UPDATE and DELETE; a tampered row is
// found at that row.
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { FIXED_NOW, fixtureCase, fixtureIntake, movableClock, type PlanInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
let clock: ReturnType<typeof movableClock>;
let patientId: string;

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  patient_id: string | null;
  fields_json: string;
}

const rowsAfter = (seq: number): Promise<Row[]> =>
  services.sql.all<Row>('SELECT seq, at, actor, action, patient_id, fields_json FROM audit_log WHERE seq > ? ORDER BY seq', seq);
const lastSeq = async (): Promise<number> => (await services.sql.get<{ n: number }>('SELECT coalesce(max(seq), 0) AS n FROM audit_log'))!.n;
/** Someone with the database's owner rights removes one of the log's guards. */
const dropTrigger = (name: string) =>
  services.sql.run(services.backend === 'sqlite' ? `DROP TRIGGER ${name}` : `DROP TRIGGER ${name} ON audit_log`);

const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
};

/** Runs one action and returns the entries it appended. */
async function appended(
  action: () => Promise<unknown>,
): Promise<{ action: string; patientId: string | null; fields: string[]; actor: string; at: string }[]> {
  const before = await lastSeq();
  await action();
  return (await rowsAfter(before)).map((row) => ({
    action: row.action,
    patientId: row.patient_id,
    fields: JSON.parse(row.fields_json) as string[],
    actor: row.actor,
    at: row.at,
  }));
}

beforeEach(async () => {
  clock = movableClock();
  services = await openTestServices(clock.now);
  const patient = { ...fixtureIntake('en'), trip: { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' } };
  patientId = (await call('createPatient', { patient })).id;
});
afterEach(() => services.dispose());

describe('the audit log', () => {
  it('records creating a patient: who, what, when, which patient, no fields', async () => {
    const entries = await appended(() => call('createPatient', { patient: fixtureIntake('ko') }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'patient.create', actor: 'unknown', at: FIXED_NOW.toISOString(), fields: [] });
    expect(entries[0]!.patientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the coordinator set for this computer', async () => {
    await services.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Park Ji-won', FIXED_NOW.toISOString()));
    const [entry] = await appended(() => call('getPatient', { id: patientId }));
    expect(entry).toMatchObject({ action: 'patient.open', actor: 'Park Ji-won', patientId, fields: [] });
  });

  it('names the coordinator set through the setCoordinator channel, and logs the change of hands', async () => {
    expect(await call('getCoordinator', {})).toEqual({ name: 'unknown', fallback: '' });
    const entries = await appended(() => call('setCoordinator', { name: '  Lee Min-ho ' }));
    expect(entries).toEqual([
      expect.objectContaining({ action: 'settings.save', actor: 'unknown', patientId: null, fields: ['coordinator'] }),
    ]);
    expect(await call('getCoordinator', {})).toEqual({ name: 'Lee Min-ho', fallback: 'Lee Min-ho' });
    expect(await appended(() => call('getPatient', { id: patientId }))).toEqual([expect.objectContaining({ actor: 'Lee Min-ho' })]);
    const blank = await services.dispatch('setCoordinator', { name: '   ' });
    expect(blank.ok ? null : blank.error.issues.map((found) => found.code)).toEqual(['required']);
  });

  it('records an update with the changed field paths and never the values', async () => {
    const record = await call('getPatient', { id: patientId });
    const edited = { ...record.patient, phone: '+61498765432', trip: { ...record.patient.trip, departure: '2027-03-03' } };
    const entries = await appended(() => call('updatePatient', { id: patientId, expectedVersion: record.version, patient: edited }));
    expect(entries).toEqual([expect.objectContaining({ action: 'patient.update', patientId, fields: ['phone', 'trip.departure'] })]);
    const stored = JSON.stringify(await rowsAfter(0));
    expect(stored).not.toContain('498765432');
    expect(stored).not.toContain('2027-03-03');
  });

  it('records nothing for a refused or conflicting change', async () => {
    const record = await call('getPatient', { id: patientId });
    await call('updatePatient', { id: patientId, expectedVersion: record.version, patient: record.patient });
    const entries = await appended(() =>
      services.dispatch('updatePatient', { id: patientId, expectedVersion: record.version, patient: record.patient }),
    );
    expect(entries).toEqual([]);
    expect(
      await appended(() => services.dispatchRaw('updatePatient', { id: patientId, expectedVersion: 1, patient: { nope: 1 } })),
    ).toEqual([]);
  });

  it('records each plan, session, follow-up, photo, export, calendar, print and settings action once', async () => {
    const plan: PlanInput = {
      items: [
        { treatment: 'pico-laser', date: '2027-02-22' },
        { treatment: 'hydrafacial', date: '2027-02-23' },
      ],
    };
    expect(await appended(() => call('getPatientPlan', { patientId }))).toEqual([
      expect.objectContaining({ action: 'plan.open', patientId }),
    ]);
    expect(await appended(() => call('savePatientPlan', { patientId, expectedVersion: 0, plan }))).toEqual([
      expect.objectContaining({ action: 'plan.save', patientId, fields: ['items'] }),
    ]);
    const record = { doctor: 'Dr. Kim Soo-jin', device: 'PicoSure', settings: { fluence: '2.8 J/cm²' }, notes: '' };
    clock.set('2027-02-22T03:00:00Z'); // the session has taken place
    expect(await appended(() => call('setSessionStatus', { patientId, index: 0, expectedVersion: 1, status: 'done', record }))).toEqual([
      expect.objectContaining({ action: 'session.record', patientId, fields: ['items.0.record', 'items.0.status'] }),
    ]);
    const [followUp] = await call('listPatientFollowUps', { patientId });
    expect(await appended(() => call('recordFollowUpOutcome', { id: followUp!.id, outcome: 'done', note: 'fine' }))).toEqual([
      expect.objectContaining({ action: 'followup.record', patientId, fields: [`followups.${followUp!.step}`] }),
    ]);
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c8a080' } })
      .jpeg()
      .toBuffer();
    expect(
      await appended(() => call('addPhoto', { patientId, visitDate: '2026-11-24', angle: 'front', dataBase64: jpeg.toString('base64') })),
    ).toEqual([expect.objectContaining({ action: 'photo.add', patientId, fields: ['photos.front'] })]);
    expect(await appended(() => call('exportPatient', { id: patientId }))).toEqual([
      expect.objectContaining({ action: 'export', patientId, fields: ['case-file'] }),
    ]);
    expect(await appended(() => call('exportPatientCalendar', { patientId }))).toEqual([
      expect.objectContaining({ action: 'calendar.export', patientId, fields: ['calendar'] }),
    ]);
    expect(await appended(() => call('recordPrint', { patientId, document: 'consent-summary' }))).toEqual([
      expect.objectContaining({ action: 'print', patientId, fields: ['consent-summary'] }),
    ]);
    const settings = await call('getClinicSettings', {});
    expect(await appended(() => call('saveClinicSettings', { settings: { ...settings, vat: { ...settings.vat, percent: 8 } } }))).toEqual([
      expect.objectContaining({ action: 'settings.save', patientId: null, fields: ['vat.percent'] }),
    ]);
  });

  it('records an import and the demo patients, one entry per patient', async () => {
    const text = JSON.stringify(fixtureCase('ja'));
    const imported = await appended(() => call('importPatients', { sources: [{ name: 'ja.json', text }] }));
    expect(imported).toEqual([expect.objectContaining({ action: 'patient.import', patientId: fixtureCase('ja').patient.id })]);
    const demo = await appended(() => call('seedDemoPatients', {}));
    expect(demo.length).toBe((await services.context.store.read((tx) => tx.patients.count())) - 2);
    expect(new Set(demo.map((entry) => entry.action))).toEqual(new Set(['patient.create']));
  });

  it('reading the history or checking the chain adds nothing; a patient’s history is its own entries in order', async () => {
    await call('getPatient', { id: patientId });
    await call('createPatient', { patient: fixtureIntake('ko') });
    const quiet = await appended(async () => {
      await call('auditHistory', { patientId });
      await call('verifyAuditChain', {});
    });
    expect(quiet).toEqual([]);
    const { entries, chain } = await call('auditHistory', { patientId });
    expect(entries.map((entry) => entry.action)).toEqual(['patient.create', 'patient.open']);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2]);
    expect(chain).toEqual({ checked: 2, firstBroken: null });
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(services.sql.run("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(services.sql.run('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(services.sql.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await rowsAfter(0)).toHaveLength(1);
  });

  it('refuses an entry written outside a write transaction (it must share the change’s transaction)', async () => {
    const before = await lastSeq();
    await expect(services.context.store.read((tx) => tx.audit.record('patient.open', patientId))).rejects.toThrow(
      /outside the transaction/,
    );
    // Nor through a transaction kept after it ended.
    const ended = await services.context.store.transaction(async (tx) => tx);
    await expect(ended.audit.record('patient.open', patientId)).rejects.toThrow(/outside the transaction/);
    expect(await lastSeq()).toBe(before);
  });

  it('rolls the entry back with the change when the change fails', async () => {
    const before = await lastSeq();
    await expect(
      services.context.store.transaction(async (tx) => {
        await tx.audit.record('patient.update', patientId, ['phone']);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow(/the change failed/);
    expect(await lastSeq()).toBe(before);
  });

  it('finds a tampered row at that row (someone dropped the triggers and edited the file)', async () => {
    for (let n = 0; n < 5; n++) await call('getPatient', { id: patientId });
    expect(await call('verifyAuditChain', {})).toMatchObject({ checked: 6, firstBroken: null });
    await dropTrigger('audit_log_no_update');
    await dropTrigger('audit_log_no_delete');
    await services.sql.run('UPDATE audit_log SET fields_json = \'["phone"]\' WHERE seq = 4');
    expect(await call('verifyAuditChain', {})).toMatchObject({ checked: 4, firstBroken: { seq: 4, reason: 'wrong_hash' } });
    // The patient's own history check finds it too, without walking the whole log.
    const { chain } = await call('auditHistory', { patientId });
    expect(chain.firstBroken).toEqual({ seq: 4, reason: 'wrong_hash' });
  });

  it('the history check of one patient catches an entry of theirs whose predecessor was removed or rewritten', async () => {
    const other = (await call('createPatient', { patient: fixtureIntake('ko') })).id;
    await call('getPatient', { id: other }); // 3
    await call('getPatient', { id: patientId }); // 4
    await dropTrigger('audit_log_no_update');
    // Someone rewrites the other patient's entry 3 and recomputes its hash: entry 4 no longer follows from it.
    await services.sql.run('UPDATE audit_log SET hash = ? WHERE seq = 3', 'f'.repeat(64));
    const { chain } = await call('auditHistory', { patientId });
    expect(chain.firstBroken).toEqual({ seq: 4, reason: 'wrong_previous_hash' });
  });

  it('finds a deleted row where the chain skips it', async () => {
    for (let n = 0; n < 3; n++) await call('getPatient', { id: patientId });
    await dropTrigger('audit_log_no_delete');
    await services.sql.run('DELETE FROM audit_log WHERE seq = 2');
    expect((await call('verifyAuditChain', {})).firstBroken).toEqual({ seq: 3, reason: 'wrong_position' });
  });
});
