// The log a clinic can send: every refused call and every thrown error through the dispatch is a line with its
// channel and the correlation id the door got back, and nothing of the patient behind the call reaches the files
// or the diagnostics bundle. The patient is a canary: a unique string in their names, screening answers, notes,
// address and e-mail, looked for afterwards in every byte written.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, Result } from '../../../src/shared/contract';
import { LOG_FOLDER_NAME } from '../../../src/main/logging/file-log';
import { CORRELATION_ID } from '../../../src/main/logging/call-context';
import { createDispatch } from '../../../src/main/services/dispatch';
import { createHandlers } from '../../../src/main/services/handlers';
import { openServices, type OpenServices } from '../../../src/main/services/open-services';
import { FIXED_NOW, fixtureIntake } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

const CANARY = 'Xyzzycanary';
const NATIVE_CANARY = '왕캐너리';
const PHONE_CANARY = '+821098765432';
const canaryPatient = () => {
  const intake = fixtureIntake('en');
  return {
    ...intake,
    names: { native: `${NATIVE_CANARY} ${CANARY}`, latin: `${CANARY} Wang` },
    phone: PHONE_CANARY,
    email: `${CANARY.toLowerCase()}@example.com`,
    trip: { ...intake.trip, stayAddress: `${CANARY} Hotel, Itaewon` },
    screening: {
      ...intake.screening,
      anticoagulants: true,
      allergies: { items: ['other' as const], other: `${CANARY} pollen` },
      medications: `${CANARY}mycin 20 mg`,
      notes: `${CANARY}: cold sores after every beach holiday`,
    },
  };
};

/** Every place the canary could hide: as typed, lower-case, and the native-script name. */
const leaks = (text: string) =>
  [CANARY.toLowerCase(), NATIVE_CANARY, '9876 5432', '98765432'].filter((needle) => text.toLowerCase().includes(needle));

let folder: string;
let services: OpenServices;
let patientId: string;
let version: number;
/** Each error result the doors got back, with the channel it was for. */
const answered: { channel: string; error: AppError }[] = [];

/** Through the doors' raw entry: some of these payloads are meant to be refused. */
async function call(channel: string, payload: unknown): Promise<Result<unknown>> {
  const result = await services.dispatchRaw(channel, payload);
  if (!result.ok) answered.push({ channel, error: result.error });
  return result;
}

const logLines = () =>
  readdirSync(join(folder, LOG_FOLDER_NAME)).flatMap((name) =>
    readFileSync(join(folder, LOG_FOLDER_NAME, name), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-support-log-'));
  services = openServices({
    databasePath: join(folder, 'clinicdesk.sqlite'),
    key: TEST_KEY,
    now: () => FIXED_NOW,
    requireSignIn: true,
    logFiles: true,
    door: 'desktop app',
  });
  const added = await services.dispatch('addCoordinator', { name: 'Kim Seo-yeon', pin: '246813' });
  if (!added.ok) throw new Error(added.error.message);
  const created = await services.dispatch('createPatient', { patient: canaryPatient() });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  patientId = created.value.patient.id!;
  version = created.value.version;
});

afterAll(async () => {
  await services.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the support log', () => {
  it('answers every refusal and failure with a correlation id', async () => {
    const codes = [
      // The schema refuses: a wrong phone beside the canary's names and notes, and a field named by the canary.
      await call('createPatient', { patient: { ...canaryPatient(), phone: `${CANARY} 123` } }),
      await call('createPatient', { patient: { ...canaryPatient(), [CANARY]: CANARY } }),
      // The services refuse: someone saved first, a patient that is not there, a channel named by the caller.
      await call('updatePatient', { id: patientId, expectedVersion: version + 5, patient: canaryPatient() }),
      await call('getPatient', { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }),
      await call(CANARY, { note: CANARY }),
    ].map((result) => (result.ok ? 'ok' : result.error.code));
    expect(codes).toEqual(['invalid_input', 'invalid_input', 'conflict', 'not_found', 'unknown_channel']);

    // Locked: the gate refuses (forbidden), then a sign-in opens it again.
    await call('signOut', {});
    expect(await call('getPatient', { id: patientId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const coordinators = await services.dispatch('listCoordinators', {});
    await services.dispatch('signIn', { coordinatorId: coordinators.ok ? coordinators.value.coordinators[0]!.id : '', pin: '246813' });

    // A thrown error from SQLite whose message quotes the patient's name (as a constraint message does).
    services.context.db.exec(
      `CREATE TRIGGER canary_refuses BEFORE UPDATE ON patients BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: patients.latin_name = ''${CANARY} Wang'', note ''${CANARY}: cold sores'''); END`,
    );
    const thrown = await call('updatePatient', { id: patientId, expectedVersion: version, patient: canaryPatient() });
    services.context.db.exec('DROP TRIGGER canary_refuses');
    expect(thrown).toMatchObject({ ok: false, error: { code: 'internal' } });

    // A library that echoes its input into its message: the whole payload, as JSON.
    const echoing = createDispatch(
      {
        ...createHandlers(services.context),
        getPatient: () => {
          throw new Error(`Cannot read ${JSON.stringify(canaryPatient())}`);
        },
      },
      services.context.log,
    );
    const echoed = await echoing('getPatient', { id: patientId });
    if (!echoed.ok) answered.push({ channel: 'getPatient', error: echoed.error });
    expect(echoed).toMatchObject({ ok: false, error: { code: 'internal' } });

    expect(answered.map(({ error }) => error.code)).toEqual([
      'invalid_input',
      'invalid_input',
      'conflict',
      'not_found',
      'unknown_channel',
      'forbidden',
      'internal',
      'internal',
    ]);
    for (const { error } of answered) expect(error.correlationId).toMatch(CORRELATION_ID);
    expect(new Set(answered.map(({ error }) => error.correlationId)).size).toBe(answered.length);
  });

  it('saves a diagnostics bundle with the logs and the versions, and no patient data', async () => {
    const out = join(folder, 'support');
    const saved = await services.dispatch('saveDiagnostics', { folder: out });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    expect(saved.value.path).toMatch(/clinicdesk-diagnostics-\d{8}-\d{6}\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync(saved.value.path));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['diagnostics.json', 'logs/', 'logs/desktop-app.log']);
    expect(saved.value.entries).toEqual(['diagnostics.json', 'logs/desktop-app.log']);
    for (const name of names) {
      const entry = zip.file(name);
      if (entry) expect(leaks(await entry.async('string')), name).toEqual([]);
    }
    const summary = JSON.parse(await zip.file('diagnostics.json')!.async('string')) as Record<string, Record<string, unknown>>;
    expect(summary.app).toMatchObject({ schemaVersion: expect.any(Number), storeBackend: 'sqlite' });
    expect(summary.runtime).toMatchObject({ node: process.versions.node, electron: null });
    expect(summary.database).toMatchObject({
      sqlite: expect.stringMatching(/^3\./),
      cipher: expect.stringMatching(/Multiple Ciphers/),
      patientCount: 1,
    });
    // No path: the folder names carry the user's name.
    expect(JSON.stringify(summary)).not.toContain(folder);
    // The log the bundle holds is the one written so far: every refusal is in it.
    const bundled = await zip.file('logs/desktop-app.log')!.async('string');
    for (const { error } of answered) expect(bundled).toContain(error.correlationId!);
  });

  it('writes each one with its channel and correlation id, and nothing of the patient', async () => {
    await services.context.log.flush();
    const lines = logLines();
    for (const { channel, error } of answered) {
      const line = lines.find((entry) => entry.correlationId === error.correlationId);
      expect(line, `${channel} ${error.code}`).toMatchObject({
        event: error.code === 'internal' ? 'call_failed' : 'call_refused',
        // The canary's made-up channel is not written: it came from the caller.
        channel: channel === CANARY ? '?' : channel,
        code: error.code,
      });
    }
    const refusedPhone = lines.find((entry) => entry.correlationId === answered[0]!.error.correlationId);
    expect(refusedPhone).toMatchObject({ issues: [{ path: 'patient.phone', code: 'invalid_phone' }], issueCount: 1 });
    const unknownField = lines.find((entry) => entry.correlationId === answered[1]!.error.correlationId);
    expect(unknownField).toMatchObject({ issues: [{ path: 'patient.?', code: 'unknown_field' }] });
    const sqlite = lines.find((entry) => entry.correlationId === answered[6]!.error.correlationId);
    expect(sqlite).toMatchObject({
      event: 'call_failed',
      channel: 'updatePatient',
      error: {
        class: 'SqliteError',
        errno: 'SQLITE_CONSTRAINT_TRIGGER',
        message: 'UNIQUE constraint failed: patients.latin_name = ?, note ?',
      },
    });
    expect((sqlite!.error as { frames: string[] }).frames.length).toBeGreaterThan(0);
    expect(lines.find((entry) => entry.event === 'diagnostics_saved')).toMatchObject({ files: 2 });

    const written = readdirSync(join(folder, LOG_FOLDER_NAME)).map((name) => readFileSync(join(folder, LOG_FOLDER_NAME, name), 'utf8'));
    expect(leaks(written.join('\n'))).toEqual([]);
  });
});
