// The patient's rights over a real temporary (encrypted) database: the archive holds everything about one
// patient; a deletion request restricts the record at once and erases what no law makes the clinic keep; the
// record is destroyed, photo files included, only after its retention; a withdrawn consent to the processing of
// health data stops new plans and handouts at once.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import type { PhotoAngle } from '../../../src/shared/domain/intake/vocabulary';
import type { AuditHistoryEntry } from '../../../src/shared/contract/audit';
import type { StoredPhoto } from '../../../src/shared/contract/photos';
import { createRightsService } from '../../../src/main/services/rights-service';
import { originalName } from '../../../src/main/photos/photo-store';
import { FIXED_NOW, fixtureIntake, movableClock } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

const HANDLE = 'yuko_yamamoto';
const EMAIL = 'yuko.yamamoto@example.jp';

let services: TestServices;
let patientId: string;

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const image = (background: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background } })
    .jpeg()
    .toBuffer();

async function addPhoto(id: string, background: string, angle: PhotoAngle = 'front'): Promise<StoredPhoto> {
  const bytes = await image(background);
  return call('addPhoto', { patientId: id, visitDate: '2026-12-06', angle, dataBase64: bytes.toString('base64') });
}

/** A Japanese patient (LINE handle, e-mail, consents for health data and record photos) with a plan, one
 * session done on 2026-12-06 and two photos. */
async function patientWithPlan(): Promise<string> {
  const created = await call('createPatient', { patient: fixtureIntake('ja') });
  await call('savePatientPlan', {
    patientId: created.id,
    expectedVersion: 0,
    plan: {
      items: [
        { treatment: 'pico-laser', date: '2026-12-06', time: '10:00' },
        { treatment: 'led-therapy', date: '2026-12-07', time: '11:00' },
      ],
    },
  });
  // Recorded once the session has taken place (10:00 in Korea on 6 December), then back to the tests' today.
  clock.set('2026-12-06T02:00:00Z');
  await call('setSessionStatus', {
    patientId: created.id,
    index: 0,
    expectedVersion: 1,
    status: 'done',
    record: { doctor: 'Dr. Kim Soo-jin', device: 'PicoSure', settings: {}, notes: '' },
  });
  clock.set(FIXED_NOW);
  await addPhoto(created.id, '#c8a080', 'front');
  await addPhoto(created.id, '#a07050', 'oblique45');
  return created.id;
}

/** Every value of every table, as text: where an erased value must not be (test-services.ts, everyValue). */
const everyTableAsText = (): Promise<string> => services.everyValue();

let clock: ReturnType<typeof movableClock>;

/** The record as stored, read past the services (no audit entry). */
/** Whether the photo's sealed original is still kept, wherever this back end keeps it (the single PC's photo
 * folder, the clinic server's photo_files table). */
const originalKept = (sha256: string, mediaType: StoredPhoto['mediaType']) =>
  services.context.store.read((tx) => tx.photoFiles.has(originalName(sha256, mediaType)));
const patientRecord = (id: string) => services.context.store.read((tx) => tx.patients.get(id));

beforeEach(async () => {
  clock = movableClock();
  services = await openTestServices(clock.now);
  patientId = await patientWithPlan();
});
afterEach(() => services.dispose());

describe('the archive of one patient', () => {
  it('holds the case file as exportPatient gives it, every photo byte for byte, the plan versions, the history and five PDFs', async () => {
    const folder = join(services.folder, 'archives');
    const archive = await call('exportPatientArchive', { patientId, folder });
    expect(readdirSync(folder)).toEqual([archive.path.split('/').at(-1)]);
    // Health data outside the encrypted database: readable by its owner only.
    if (process.platform !== 'win32') {
      expect(statSync(archive.path).mode & 0o777).toBe(0o600);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    }

    // Read back with the system's unzip too: a plain zip any tool opens.
    const listing = execFileSync('unzip', ['-l', archive.path], { encoding: 'utf8' });
    expect(listing).toContain('case.clinicdesk.json');

    const zip = await JSZip.loadAsync(await import('node:fs').then((fs) => fs.readFileSync(archive.path)));
    const exported = await call('exportPatient', { id: patientId });
    const caseFile = JSON.parse(await zip.file('case.clinicdesk.json')!.async('string')) as { plan?: { items: unknown[] } };
    expect(caseFile).toEqual(exported.caseFile);
    expect(caseFile.plan?.items).toHaveLength(2);

    const photos = await call('listPhotos', { patientId });
    expect(photos).toHaveLength(2);
    for (const photo of photos) {
      const name = Object.keys(zip.files).find((file) => file.startsWith('photos/') && file.includes(photo.sha256))!;
      const bytes = await zip.file(name)!.async('nodebuffer');
      expect(
        bytes.equals(
          await services.context.store.read((tx) => services.context.photoStore.readOriginal(tx, photo.sha256, photo.mediaType)),
        ),
      ).toBe(true);
    }

    const pdfs = Object.keys(zip.files).filter((file) => file.startsWith('handouts/') && file.endsWith('.pdf'));
    expect(pdfs).toHaveLength(5);
    for (const pdf of pdfs) {
      expect(pdf).toMatch(/-ja\.pdf$/);
      expect((await zip.file(pdf)!.async('nodebuffer')).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const versions = JSON.parse(await zip.file('plan-versions.json')!.async('string')) as unknown[];
    expect(versions).toHaveLength(2);
    const history = JSON.parse(await zip.file('audit-history.json')!.async('string')) as AuditHistoryEntry[];
    expect(history.map((entry) => entry.action)).toContain('plan.save');

    const { entries } = await call('auditHistory', { patientId });
    expect(entries.filter((entry) => entry.action === 'export').map((entry) => entry.fields)).toContainEqual(['archive']);
  });

  it('refuses a folder it cannot write, leaving nothing behind', async () => {
    const file = join(services.folder, 'not-a-folder');
    writeFileSync(file, 'x');
    const result = await services.dispatch('exportPatientArchive', { patientId, folder: join(file, 'inside') });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['folder'], code: 'folder_not_writable' }] },
    });
  });

  it('is written by the CLI: patients archive ID --out DIR', async () => {
    await services.close();
    const out: string[] = [];
    const code = await services.cli(['patients', 'archive', patientId, '--out', join(services.folder, 'cli')], {
      out: (text) => out.push(text),
      err: (text) => out.push(text),
    });
    expect(code, out.join('\n')).toBe(0);
    expect(readdirSync(join(services.folder, 'cli'))).toHaveLength(1);
    services = await services.reopen();
  });
});

describe('a deletion request', () => {
  it('restricts the record at once, erases messenger handles, e-mail and marketing consent, keeps the rest', async () => {
    await call('saveDraft', {
      key: patientId,
      label: 'Yamamoto',
      baseVersion: 2,
      form: { messengers: [{ kind: 'line', handle: HANDLE }] },
    });
    const outcome = await call('requestErasure', { patientId, reason: 'Asked at the desk.' });
    // The last treatment (2026-12-06) plus the default 10 years.
    expect(outcome.retentionUntil).toBe('2036-12-06');
    expect(outcome.erased).toEqual(['messengers', 'email']);

    const record = await call('getPatient', { id: patientId });
    expect(record.restriction).toEqual({ restrictedAt: outcome.restrictedAt, retentionUntil: '2036-12-06' });
    expect(record.patient.messengers).toEqual([]);
    expect(record.patient.email).toBeNull();
    expect(record.patient.names.latin).toBe('Yamamoto Yuko');
    expect(record.patient.consents.map((c) => c.kind)).toEqual(['sensitive_data', 'photos_medical_record']);
    // Photos taken under consent for the medical record stay with it.
    expect(await call('listPhotos', { patientId })).toHaveLength(2);
    expect(await call('getDraft', { key: patientId })).toBeNull();

    // Hidden from the list, shown (marked) only when asked for.
    const hidden = await call('searchPatients', { query: '', tripStatus: 'all', limit: 50 });
    expect(hidden.rows.map((row) => row.id)).not.toContain(patientId);
    const searched = await call('searchPatients', { query: 'yamamoto', tripStatus: 'all', limit: 50 });
    expect(searched.rows).toEqual([]);
    const shown = await call('searchPatients', { query: 'yamamoto', tripStatus: 'all', limit: 50, includeRestricted: true });
    expect(shown.rows.map((row) => [row.id, row.restricted])).toEqual([[patientId, true]]);

    const { entries } = await call('auditHistory', { patientId });
    expect(
      entries
        .filter((entry) => entry.action !== 'patient.open')
        .slice(-2)
        .map((entry) => [entry.action, entry.fields]),
    ).toEqual([
      ['patient.restrict', ['restriction']],
      ['erase', ['messengers', 'email']],
    ]);
  });

  it('leaves the erased handle and e-mail nowhere in the database after a VACUUM', async () => {
    await call('saveDraft', {
      key: patientId,
      label: 'Yamamoto',
      baseVersion: 2,
      form: { messengers: [{ kind: 'line', handle: HANDLE }] },
    });
    expect(await everyTableAsText()).toContain(HANDLE);
    await call('requestErasure', { patientId, reason: '' });
    await services.sql.run('VACUUM');
    const text = await everyTableAsText();
    expect(text).not.toContain(HANDLE);
    expect(text).not.toContain(EMAIL);
    expect(text).toContain('Yamamoto Yuko');
  });

  it('makes the record read-only: updates, plans, sessions, photos, handouts and drafts are refused on their field', async () => {
    await call('requestErasure', { patientId, reason: '' });
    const before = await services.snapshot();
    const record = await call('getPatient', { id: patientId });
    const { id: _id, ...intake } = record.patient;
    const refused = [
      await services.dispatch('updatePatient', { id: patientId, expectedVersion: record.version, patient: { ...intake, phone: null } }),
      await services.dispatch('savePatientPlan', { patientId, expectedVersion: 2, plan: { items: [] } }),
      await services.dispatch('setSessionStatus', { patientId, index: 1, expectedVersion: 2, status: 'no_show' }),
      await services.dispatch('makeHandout', { patientId, kind: 'aftercare', language: 'ja', bilingual: false }),
      await services.dispatch('saveDraft', { key: patientId, label: 'x', baseVersion: 1, form: {} }),
      await services.dispatch('addPhoto', {
        patientId,
        visitDate: '2026-12-06',
        angle: 'front',
        dataBase64: (await image('#101010')).toString('base64'),
      }),
    ];
    for (const result of refused) expect(result).toMatchObject({ ok: false, error: { code: 'record_restricted' } });
    expect(refused[0]).toMatchObject({ error: { issues: [{ path: ['id'], code: 'record_restricted' }] } });
    expect(refused[1]).toMatchObject({ error: { issues: [{ path: ['patientId'], code: 'record_restricted' }] } });
    // getPatient logs the opening (audit), so compare without the audit log.
    const withoutAudit = (snapshot: string) => (JSON.parse(snapshot) as [string, unknown][]).filter(([name]) => name !== 'audit_log');
    expect(withoutAudit(await services.snapshot())).toEqual(withoutAudit(before));
    // A second request changes nothing.
    expect(await services.dispatch('requestErasure', { patientId, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'record_restricted', issues: [{ path: ['patientId'], code: 'already_restricted' }] },
    });
  });

  it('stops the follow-up reminders: unanswered ones go, an answered one takes no more outcomes', async () => {
    const before = await call('listPatientFollowUps', { patientId });
    expect(before.length).toBeGreaterThan(1);
    await call('recordFollowUpOutcome', { id: before[0]!.id, outcome: 'needs_doctor', note: '' });
    const dueBefore = await call('listDueFollowUps', { at: '2030-01-01T00:00:00Z' });
    expect(dueBefore.followUps.map((followUp) => followUp.patientId)).toContain(patientId);
    await call('requestErasure', { patientId, reason: '' });
    const after = await call('listPatientFollowUps', { patientId });
    expect(after.map((followUp) => followUp.id)).toEqual([before[0]!.id]);
    // Nor is it listed as due any more (the Follow-ups screen, where messages are sent from).
    const due = await call('listDueFollowUps', { at: '2030-01-01T00:00:00Z' });
    expect(due.followUps.map((followUp) => followUp.patientId)).not.toContain(patientId);
    expect(await services.dispatch('recordFollowUpOutcome', { id: before[0]!.id, outcome: 'done', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'record_restricted', issues: [{ path: ['id'], code: 'record_restricted' }] },
    });
  });

  it('erases photos taken only under marketing consent, and their files', async () => {
    const intake = fixtureIntake('ja');
    intake.consents = [
      { kind: 'sensitive_data', grantedAt: '2026-11-20T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01', language: 'ja' },
      { kind: 'photos_marketing', grantedAt: '2026-11-20T10:00:00+09:00', withdrawnAt: null, textVersion: '2026-01' },
    ];
    const other = await call('createPatient', { patient: intake });
    const photo = await addPhoto(other.id, '#3366aa');
    expect(await originalKept(photo.sha256, photo.mediaType)).toBe(true);
    const outcome = await call('requestErasure', { patientId: other.id, reason: '' });
    expect(outcome.erased).toEqual(['messengers', 'email', 'consents.photos_marketing', 'photos']);
    // No treatment recorded: the intake date (2026-11-24) plus 10 years.
    expect(outcome.retentionUntil).toBe('2036-11-24');
    expect(await call('listPhotos', { patientId: other.id })).toEqual([]);
    expect(await originalKept(photo.sha256, photo.mediaType)).toBe(false);
    const kept = await call('getPatient', { id: other.id });
    expect(kept.patient.consents).toEqual([intake.consents[0]]);
  });

  it('restricts once when two requests come at once: the second finds the record restricted', async () => {
    const results = await Promise.all([
      services.dispatch('requestErasure', { patientId, reason: 'first' }),
      services.dispatch('requestErasure', { patientId, reason: 'second' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({
      error: { code: 'record_restricted', issues: [{ code: 'already_restricted' }] },
    });
    const restricts = await services.sql.get("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.restrict'");
    expect(restricts).toEqual({ n: 1 });
  });

  it('takes the clinic retention setting', async () => {
    const settings = await call('getClinicSettings', {});
    await call('saveClinicSettings', { settings: { ...settings, retentionYears: 15 } });
    expect((await call('requestErasure', { patientId, reason: '' })).retentionUntil).toBe('2041-12-06');
  });

  it('refuses a retention shorter than the 10 years of treatment records', async () => {
    const settings = await call('getClinicSettings', {});
    expect(await services.dispatch('saveClinicSettings', { settings: { ...settings, retentionYears: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['settings', 'retentionYears'], code: 'invalid' }] },
    });
  });

  it('refuses an unknown patient and bad input, changing nothing', async () => {
    const before = await services.snapshot();
    expect(await services.dispatch('requestErasure', { patientId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f', reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await services.dispatch('requestErasure', { patientId, reason: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['reason'], code: 'too_long' }] },
    });
    expect(await services.snapshot()).toBe(before);
  });
});

describe('the end of retention', () => {
  it('destroys nothing before the day after the retention date, then the record, its rows and its photo files', async () => {
    const photos = await call('listPhotos', { patientId });
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) expect(await originalKept(photo.sha256, photo.mediaType)).toBe(true);
    const keeper = await call('createPatient', { patient: fixtureIntake('en') });
    await call('requestErasure', { patientId, reason: '' });
    const rights = createRightsService(services.context);

    const before = await services.snapshot();
    expect((await rights.purgeExpired({ now: new Date('2036-12-06T14:59:00Z') })).erased).toEqual([]); // 23:59 on 2036-12-06 in Korea
    expect(await services.snapshot()).toBe(before);

    expect((await rights.purgeExpired({ now: new Date('2036-12-06T15:00:00Z') })).erased).toEqual([patientId]);
    expect(await patientRecord(patientId)).toBeUndefined();
    for (const photo of photos) expect(await originalKept(photo.sha256, photo.mediaType)).toBe(false);
    for (const table of [
      'consents',
      'photos',
      'plans',
      'plan_versions',
      'plan_sessions',
      'followups',
      'patient_search_text',
      'patient_restrictions',
    ]) {
      const column = table === 'patient_search_text' ? 'seq' : 'patient_seq';
      const orphans = await services.sql.get<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE ${column} NOT IN (SELECT seq FROM patients)`,
      );
      expect(orphans!.n, table).toBe(0);
    }
    expect(await patientRecord(keeper.id)).toBeDefined();
    const erase = await services.sql.get("SELECT patient_id, fields_json FROM audit_log WHERE action = 'erase' ORDER BY seq DESC LIMIT 1");
    expect(erase).toEqual({ patient_id: patientId, fields_json: '["record"]' });
    expect(await everyTableAsText()).not.toContain('Yamamoto');
    expect((await call('verifyAuditChain', {})).firstBroken).toBeNull();
    // Nothing left to do the next time.
    expect((await rights.purgeExpired({ now: new Date('2040-01-01T00:00:00Z') })).erased).toEqual([]);
  });

  it('destroys a record once when two purges run at once, with one audit entry', async () => {
    await call('requestErasure', { patientId, reason: '' });
    const rights = createRightsService(services.context);
    const now = new Date('2040-01-01T00:00:00Z');
    const [first, second] = await Promise.all([rights.purgeExpired({ now }), rights.purgeExpired({ now })]);
    expect([...first.erased, ...second.erased]).toEqual([patientId]);
    const erases = await services.sql.get("SELECT count(*) AS n FROM audit_log WHERE action = 'erase' AND fields_json = '[\"record\"]'");
    expect(erases).toEqual({ n: 1 });
  });

  it('is run by the CLI: patients purge-expired [--at ISO]', async () => {
    await call('requestErasure', { patientId, reason: '' });
    await services.close();
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const code = await services.cli(['patients', 'purge-expired', '--json', ...args], {
        out: (text) => out.push(text),
        err: (text) => out.push(text),
      });
      return { code, out: out.join('\n') };
    };
    expect(await run('--at', '2030-01-01T00:00:00+09:00')).toEqual({ code: 0, out: '{"erased":[]}' });
    expect(await run('--at', '2036-12-07T00:00:00+09:00')).toEqual({ code: 0, out: JSON.stringify({ erased: [patientId] }) });
    expect((await run('--at', 'not a date')).code).toBe(2);
    services = await services.reopen();
    expect(await patientRecord(patientId)).toBeUndefined();
  });
});

describe('consent to the processing of health data', () => {
  it('keeps the language of the text with the record, and its withdrawal stops new plans and handouts at once', async () => {
    const record = await call('getPatient', { id: patientId });
    const { id: _id, ...intake } = record.patient;
    const consents = intake.consents.map((c) =>
      c.kind === 'sensitive_data' ? { ...c, language: 'ja' as const, withdrawnAt: '2026-12-10T09:30:00+09:00' } : c,
    );
    const updated = await call('updatePatient', { id: patientId, expectedVersion: record.version, patient: { ...intake, consents } });
    expect(updated.patient.consents[0]).toMatchObject({ kind: 'sensitive_data', language: 'ja' });
    expect(updated.patient.consents[1]).not.toHaveProperty('language');

    const before = await services.snapshot();
    const refused = [
      await services.dispatch('savePatientPlan', { patientId, expectedVersion: 2, plan: { items: [] } }),
      await services.dispatch('makeHandout', { patientId, kind: 'aftercare', language: 'ja', bilingual: false }),
    ];
    for (const result of refused) {
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'consent_withdrawn', issues: [{ path: ['patientId'], code: 'consent_withdrawn' }] },
      });
    }
    expect(await services.snapshot()).toBe(before);
  });
});
