// Property tests on every channel of the contract, through every door: a payload the contract's schema refuses
// gets a typed `invalid_input` result, never reaches a handler (so never a repository), and changes nothing in
// the database. Calls from a frame or page that is not the app's own are refused.
//
// FUZZ_RUNS sets the payloads per channel and door (150 by default; `npm run fuzz` runs 10,000). With
// FUZZ_REPORT=<file>, each door's counts (invalid payloads accepted, uncaught errors, database changes; all
// must be 0) are appended there as JSON lines, one per back end and door (it runs on both: tests/both-backends.ts).
import fc from 'fast-check';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, ipcChannel, type Channel, type Handlers, type InputOf, type Result } from '../../../src/shared/contract';
import { registerIpcDoor, type IpcEventLike, type IpcMainLike } from '../../../src/main/doors/ipc-door';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { createDispatch, type RawDispatch } from '../../../src/main/services/dispatch';
import { createAppLog } from '../../../src/main/logging/app-log';
import { createHandlers } from '../../../src/main/services/handlers';
import { newCoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { answerOf, openBrowserSession } from '../../support/preview-client';
import { fixtureCase, fixtureIntake } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

const PATIENT_ID = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f';
const DRAFT_KEY = 'new:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const APP_URL = 'file:///opt/ClinicDesk/resources/app.asar/out/renderer/index.html';
const RUNS = Number(process.env.FUZZ_RUNS ?? process.env.CONTRACT_FUZZ_RUNS ?? 150);
/** Per channel and door: the default minute, plus room for long runs (an HTTP round trip is about a millisecond). */
const PROPERTY_TIMEOUT_MS = 60_000 + RUNS * 20;

/** A valid payload per channel, to mutate from. Typed so a new channel cannot be added without one. */
const VALID: { [C in Channel]: InputOf<C> } = {
  searchPatients: { query: '민지', tripStatus: 'all', limit: 10 },
  getPatient: { id: PATIENT_ID },
  createPatient: {
    patient: {
      ...fixtureIntake('zh-Hans'),
      referral: { route: 'agency', agencyName: 'Seoul Medi Tour', agencyRegistrationNumber: 'A-2024-0117' },
    },
  },
  updatePatient: { id: PATIENT_ID, expectedVersion: 1, patient: fixtureIntake('ar') },
  exportPatient: { id: PATIENT_ID },
  importPatients: { sources: [{ name: 'case.json', text: '{}' }] },
  saveDraft: { key: DRAFT_KEY, label: 'Wang', baseVersion: null, form: { nativeName: '王' } },
  getDraft: { key: DRAFT_KEY },
  listDrafts: {},
  discardDraft: { key: DRAFT_KEY },
  listOfflineDrafts: {},
  saveOfflineDraft: { key: DRAFT_KEY, kind: 'form' },
  discardOfflineDraft: { key: DRAFT_KEY, kind: 'intake' },
  addPhoto: { patientId: PATIENT_ID, visitDate: '2026-11-24', angle: 'front', dataBase64: 'AAAA' },
  listPhotos: { patientId: PATIENT_ID },
  getAppInfo: {},
  seedDemoPatients: {},
  getCatalog: {},
  listDueFollowUps: { at: '2027-01-20T10:00:00+09:00', limit: 100 },
  listPatientFollowUps: { patientId: PATIENT_ID },
  exportPatientCalendar: { patientId: PATIENT_ID },
  makeHandout: { patientId: PATIENT_ID, kind: 'aftercare', language: 'ar', bilingual: true },
  exportHandout: { patientId: PATIENT_ID, kind: 'consent', language: 'th', bilingual: false, folder: '/tmp/clinicdesk-fuzz-handouts' },
  defaultHandoutFolder: {},
  makeCaseHandout: {
    caseFile: { ...fixtureCase('vi'), plan: { items: [{ treatment: 'ipl', date: '2027-01-12' }] } },
    kind: 'precare',
    language: 'vi',
    bilingual: true,
  },
  recordFollowUpOutcome: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', outcome: 'photos_received', note: 'Three photos by WeChat' },
  getPatientPlan: { patientId: PATIENT_ID },
  evaluatePatientPlan: { patientId: PATIENT_ID, plan: { items: [{ treatment: 'ipl', date: '2026-12-03' }] } },
  schedulePatientPlan: { patientId: PATIENT_ID, plan: { items: [{ treatment: 'ipl' }] } },
  savePatientPlan: { patientId: PATIENT_ID, expectedVersion: 0, plan: { items: [{ treatment: 'hydrafacial', date: '2026-12-03' }] } },
  savePlanDraft: { patientId: PATIENT_ID, baseVersion: 0, plan: { items: [{ treatment: 'hydrafacial', date: '2026-12-03' }] } },
  getPlanDraft: { patientId: PATIENT_ID },
  discardPlanDraft: { patientId: PATIENT_ID },
  saveDiagnostics: { folder: '/tmp/clinicdesk-fuzz-diagnostics' },
  getToday: {},
  recordPayment: {
    patientId: PATIENT_ID,
    entry: {
      kind: 'payment',
      date: '2026-12-03',
      method: 'foreign_cash',
      currency: 'SAR',
      amount: '1364.26',
      rate: { krwPerUnit: '366.5', date: '2026-12-02', source: 'KEB Hana Bank' },
    },
  },
  reversePayment: { patientId: PATIENT_ID, paymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', reason: 'entered twice' },
  listPayments: { patientId: PATIENT_ID },
  getBalance: { patientId: PATIENT_ID },
  listAgencies: {},
  saveAgency: {
    agency: {
      name: 'Gulf Care Travel',
      registrationNumber: 'A-2024-0117',
      registrationExpires: '2028-12-31',
      terms: { kind: 'rate', percent: 15 },
    },
  },
  archiveAgency: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', expectedVersion: 1 },
  getPatientCommission: { patientId: PATIENT_ID },
  getPaymentsReport: { from: '2026-11-01', to: '2026-11-30' },
  makeReceipt: { patientId: PATIENT_ID, paymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', language: 'ar', bilingual: true },
  exportReceipt: {
    patientId: PATIENT_ID,
    paymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    language: 'th',
    bilingual: false,
    folder: '/tmp/clinicdesk-fuzz-receipts',
  },
  listSessions: { from: '2026-12-01', to: '2026-12-07' },
  setSessionStatus: {
    patientId: PATIENT_ID,
    index: 0,
    expectedVersion: 1,
    status: 'done',
    record: { doctor: 'Dr. Kim Soo-jin', device: 'PicoSure', settings: { fluence: '2.8 J/cm²', spot: '6 mm' }, notes: '' },
  },
  getClinicSettings: {},
  saveClinicSettings: {
    settings: {
      clinicName: 'Seoul Glow Dermatology',
      hours: { openWeekdays: [1, 2, 3, 4, 5, 6], opensAt: '10:00', closesAt: '19:00', closedDates: [] },
      vat: { percent: 10, pricesIncludeVat: true },
      prices: { 'pico-laser': 150000 },
    },
  },
  checkCasePlan: { caseFile: { ...fixtureCase('en'), plan: { items: [{ treatment: 'pico-laser', date: '2027-01-10' }] } } },
  getKhidiReport: { year: 2026 },
  exportKhidiReport: { year: 2026 },
  getReportSummary: { from: '2026-01-01', to: '2026-12-31' },
  scheduleCasePlan: { caseFile: { ...fixtureCase('th'), plan: { items: [{ treatment: 'rejuran-healer' }] } } },
  auditHistory: { patientId: PATIENT_ID },
  verifyAuditChain: {},
  listPlanVersions: { patientId: PATIENT_ID },
  markQuoteSent: { patientId: PATIENT_ID, expectedVersion: 1 },
  listQuoteVersions: { patientId: PATIENT_ID },
  recordPrint: { patientId: PATIENT_ID, document: 'consent-summary' },
  getCoordinator: {},
  setCoordinator: { name: 'Park Ji-won' },
  listCoordinators: {},
  addCoordinator: { name: 'Park Ji-won', pin: '482913' },
  signIn: { coordinatorId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', pin: '4829' },
  signOut: {},
  changePin: { currentPin: '4829', newPin: '91827364' },
  exportPatientArchive: { patientId: PATIENT_ID, folder: '/tmp/clinicdesk-fuzz-archives' },
  requestErasure: { patientId: PATIENT_ID, reason: 'The patient asked by e-mail on 2026-11-20.' },
  addServerLogin: { coordinatorId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
};

type Path = (string | number)[];
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

type Mutation = { readonly path: Path; readonly op: 'replace' | 'delete' | 'add'; readonly value: unknown; readonly key: string };

function applyMutation(valid: unknown, { path, op, value, key }: Mutation): unknown {
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  if (path.length === 0) return op === 'add' && typeof copy === 'object' ? { ...copy, [key]: value } : value;
  let parent: Record<string | number, unknown> = copy;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (op === 'replace') parent[last] = value;
  else if (op === 'delete') delete parent[last];
  else if (Array.isArray(parent[last])) (parent[last] as unknown[]).push(value);
  // Any key but an array's: { length: 1e300 } on an array is the generator throwing, not the door.
  else if (typeof parent[last] === 'object' && parent[last] !== null) (parent[last] as Record<string, unknown>)[key] = value;
  else parent[last] = value;
  return copy;
}

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  const valid = VALID[channel];
  const mutation = fc.record({
    path: fc.constantFrom(...pathsOf(valid)),
    op: fc.constantFrom('replace', 'delete', 'add') as fc.Arbitrary<Mutation['op']>,
    value: fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)),
    key: fc.string({ minLength: 1, maxLength: 12 }),
  });
  return fc.oneof(
    fc.anything(),
    mutation.map((m) => applyMutation(valid, m)),
  );
}

/** What a value becomes on its way through JSON, as the HTTP door receives it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null') as unknown;

let services: TestServices;
let called: Channel[];
/** The raw entry: these payloads are meant to be anything at all. */
let dispatch: RawDispatch;
let server: PreviewServer;
let cookie = '';
let ipcListeners: Map<string, (event: IpcEventLike, payload: unknown) => Promise<Result<unknown>>>;
/** Errors a handler threw (dispatch logs them and answers `internal`): a refused payload must never cause one. */
let uncaught: unknown[];

/** Per door, summed over every channel: what `npm run fuzz` prints. */
interface DoorCounts {
  payloads: number;
  invalid_accepted: number;
  uncaught_errors: number;
  database_changes: number;
  /** HTTP only: requests sent again after the connection was reset before the server read them. */
  transport_retries: number;
}
const counts = new Map<string, DoorCounts>();
const countsOf = (door: string): DoorCounts => {
  if (!counts.has(door))
    counts.set(door, { payloads: 0, invalid_accepted: 0, uncaught_errors: 0, database_changes: 0, transport_retries: 0 });
  return counts.get(door)!;
};

beforeAll(async () => {
  services = await openTestServices();
  // A patient and a draft exist, so a handler reached by mistake would have something to change.
  await services.dispatch('createPatient', { patient: { ...fixtureIntake('ko'), id: PATIENT_ID } });
  await services.dispatch('saveDraft', VALID.saveDraft);
  called = [];
  const handlers = createHandlers(services.context);
  const spied = Object.fromEntries(
    CHANNELS.map((name) => [
      name,
      (input: unknown) => {
        called.push(name);
        return (handlers[name] as (input: unknown) => unknown)(input);
      },
    ]),
  ) as unknown as Handlers;
  uncaught = [];
  dispatch = createDispatch(
    spied,
    createAppLog((_level, record) => {
      if (record.event === 'call_failed') uncaught.push(record);
    }),
  );
  // The HTTP door as a browser with a session meets it: the fuzzing is of what a session may send.
  server = await startPreviewServer({
    dispatchIn: (_session, name, payload) => dispatch(name, payload),
    newSession: newCoordinatorSession,
    staticRoot: services.folder,
  });
  cookie = await openBrowserSession(server);
  ipcListeners = new Map();
  const ipcMain: IpcMainLike = { handle: (name, listener) => void ipcListeners.set(name, listener) };
  registerIpcDoor(ipcMain, dispatch, () => APP_URL);
});

afterAll(async () => {
  await server.close();
  await services.dispose();
  if (process.env.FUZZ_REPORT) {
    const lines = [...counts].map(([door, count]) =>
      JSON.stringify({ backend: services.backend, door, runs_per_channel: RUNS, channels: CHANNELS.length, ...count }),
    );
    mkdirSync(dirname(process.env.FUZZ_REPORT), { recursive: true });
    // Appended: the run on each back end adds its lines (`npm run fuzz` empties the file first).
    appendFileSync(process.env.FUZZ_REPORT, `${lines.join('\n')}\n`);
  }
});

const doors: Record<string, (channel: Channel, payload: unknown) => Promise<Result<unknown>>> = {
  service: (channel, payload) => dispatch(channel, payload),
  ipc: (channel, payload) =>
    ipcListeners.get(ipcChannel(channel))!({ senderFrame: { url: `${APP_URL}#/patients`, parent: null } }, payload),
  http: async (channel, payload) => {
    const post = () =>
      fetch(`${server.url}api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(payload) ?? 'null',
      });
    let response: Response;
    try {
      response = await post();
    } catch (error) {
      // The keep-alive race: after a long run on another door the server closes the idle socket as fetch reuses
      // it, and the request is never read. Sent again once, and counted; any change it made is still caught.
      if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
      countsOf('http').transport_retries += 1;
      response = await post();
    }
    return answerOf(response);
  },
};

describe.each(CHANNELS)('channel %s', (channel) => {
  it('accepts its valid example', () => {
    expect(contract[channel].input.safeParse(VALID[channel]).success).toBe(true);
  });

  it.each(Object.keys(doors))(
    'refuses every invalid payload through the %s door, touching nothing',
    async (door) => {
      const schema = contract[channel].input;
      const count = countsOf(door);
      // Every table, row by row, before and after the whole run; the rows written after each payload.
      const snapshotBefore = await services.snapshot();
      // The count after one payload is the count before the next: one read per payload (a round trip on PostgreSQL).
      let changesSoFar = await services.changes();
      await fc.assert(
        fc.asyncProperty(payloads(channel), async (payload) => {
          // Over HTTP the payload is what JSON makes of it (undefined keys vanish, -0 becomes 0...).
          const sent = door === 'http' ? asJson(payload) : payload;
          fc.pre(!schema.safeParse(sent).success);
          const changesBefore = changesSoFar;
          called.length = 0;
          uncaught.length = 0;
          const result = await doors[door]!(channel, sent);
          changesSoFar = await services.changes();
          const changed = changesSoFar !== changesBefore;
          count.payloads += 1;
          if (result.ok || called.length > 0) count.invalid_accepted += 1;
          if (uncaught.length > 0) count.uncaught_errors += 1;
          if (changed) count.database_changes += 1;
          expect(result.ok).toBe(false);
          expect(result.ok ? null : result.error.code).toBe('invalid_input');
          expect(result.ok ? [] : result.error.issues.length).toBeGreaterThan(0);
          expect(called).toEqual([]);
          expect(uncaught).toEqual([]);
          expect(changed).toBe(false);
        }),
        { numRuns: RUNS },
      );
      expect(await services.snapshot()).toBe(snapshotBefore);
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('callers that are not the app', () => {
  it('the IPC door refuses any frame but the app page in the top frame, before looking at the payload', async () => {
    const foreignFrames = fc.oneof(
      fc.record({ url: fc.webUrl(), parent: fc.constant(null) }),
      fc.record({ url: fc.constant(APP_URL), parent: fc.constant({}) }), // the app page inside an iframe
      fc.record({
        url: fc.constantFrom('file:///tmp/evil.html', 'file:///opt/ClinicDesk/other/index.html', 'devtools://devtools/x', ''),
        parent: fc.constant(null),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), foreignFrames, async (channel, frame) => {
        called.length = 0;
        const before = await services.snapshot();
        const result = await ipcListeners.get(ipcChannel(channel))!({ senderFrame: frame }, VALID[channel]);
        expect(result.ok ? null : result.error.code).toBe('forbidden');
        expect(called).toEqual([]);
        expect(await services.snapshot()).toBe(before);
      }),
      { numRuns: 300 },
    );
    const noFrame = await ipcListeners.get(ipcChannel('getAppInfo'))!({ senderFrame: null }, {});
    expect(noFrame.ok ? null : noFrame.error.code).toBe('forbidden');
  });

  it('the IPC door lets the app page through', async () => {
    const result = await ipcListeners.get(ipcChannel('getAppInfo'))!({ senderFrame: { url: APP_URL, parent: null } }, {});
    expect(result.ok).toBe(true);
  });

  it('the preview server refuses a web page from another origin, and a rebound host name', async () => {
    called.length = 0;
    const fromElsewhere = await fetch(`${server.url}api/seedDemoPatients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(fromElsewhere.status).toBe(403);
    const asText = await fetch(`${server.url}api/seedDemoPatients`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: '{}',
    });
    expect(asText.status).toBe(415);
    const reboundStatus = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.url);
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/api/seedDemoPatients',
          method: 'POST',
          headers: { host: `evil.example:${url.port}`, 'content-type': 'application/json' },
        },
        (response) => resolve(response.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(reboundStatus).toBe(403);
    expect(called).toEqual([]);
  });

  it('an unknown channel is a typed error on every door', async () => {
    const result = await dispatch('dropDatabase', {});
    expect(result.ok ? null : result.error.code).toBe('unknown_channel');
    const overHttp = await fetch(`${server.url}api/dropDatabase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    });
    expect((await answerOf(overHttp)).ok).toBe(false);
  });
});
