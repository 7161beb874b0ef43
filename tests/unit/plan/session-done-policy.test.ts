// A session is done in the past, never the future: the one policy (session-done-policy.ts), and its refusal through
// every door (services, IPC, preview HTTP), beside the control (issue path ['status']), changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../src/main/services/dispatch';
import { createAppLog } from '../../../src/main/logging/app-log';
import { createHandlers } from '../../../src/main/services/handlers';
import { registerIpcDoor, type IpcEventLike, type IpcMainLike } from '../../../src/main/doors/ipc-door';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { ipcChannel, type Channel, type Result } from '../../../src/shared/contract';
import { koreaClock, whyNotDone } from '../../../src/shared/domain/plan/session-done-policy';
import { newCoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { answerOf, openBrowserSession } from '../../support/preview-client';
import { fixtureIntake, movableClock, valueOf, type PlanItemInput } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

describe('whyNotDone', () => {
  // 2027-02-22 10:30 in Korea is 01:30 UTC.
  const at = (iso: string) => new Date(iso);
  it('refuses a session without a date', () => {
    expect(whyNotDone({ date: null }, at('2027-02-22T01:30:00Z'))).toBe('session_not_dated');
  });
  it('refuses a session whose day has not come in Korea, and takes one whose day has', () => {
    expect(whyNotDone({ date: '2027-02-23' }, at('2027-02-22T01:30:00Z'))).toBe('session_in_future');
    expect(whyNotDone({ date: '2027-02-22' }, at('2027-02-22T01:30:00Z'))).toBeNull();
    expect(whyNotDone({ date: '2027-02-21' }, at('2027-02-22T01:30:00Z'))).toBeNull();
  });
  it('counts the day in Korea, not UTC: 15:00 UTC is already the next day in Seoul', () => {
    expect(whyNotDone({ date: '2027-02-23' }, at('2027-02-22T14:59:00Z'))).toBe('session_in_future');
    expect(whyNotDone({ date: '2027-02-23' }, at('2027-02-22T15:00:00Z'))).toBeNull();
  });
  it('on the day itself, refuses before the session time and takes it from that minute on', () => {
    expect(koreaClock(at('2027-02-22T01:29:00Z'))).toBe('10:29');
    expect(whyNotDone({ date: '2027-02-22', time: '10:30' }, at('2027-02-22T01:29:00Z'))).toBe('session_in_future');
    expect(whyNotDone({ date: '2027-02-22', time: '10:30' }, at('2027-02-22T01:30:00Z'))).toBeNull();
  });
});

describe('marking a future session done, through every door', () => {
  const clock = movableClock(new Date('2027-02-22T01:00:00Z')); // 10:00 in Korea on 22 February
  let services: TestServices;
  let server: PreviewServer;
  let cookie = '';
  let patientId: string;
  const APP_URL = 'app://clinicdesk/index.html';
  const ipcListeners = new Map<string, (event: IpcEventLike, payload: unknown) => Promise<Result<unknown>>>();

  beforeAll(async () => {
    services = await openTestServices(clock.now);
    const created = await services.dispatch('createPatient', {
      patient: { ...fixtureIntake('en'), trip: { arrival: '2027-02-20', departure: '2027-03-01', stayAddress: '' } },
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    patientId = created.value.id;
    const items: PlanItemInput[] = [
      { treatment: 'pico-laser', date: '2027-02-22', time: '09:00' }, // this morning: may be done
      { treatment: 'hydrafacial', date: '2027-02-22', time: '15:00' }, // this afternoon: not yet
      { treatment: 'ipl', date: '2027-02-26' }, // in four days
      { treatment: 'led-therapy', date: null }, // not dated
    ];
    const saved = await services.dispatch('savePatientPlan', { patientId, expectedVersion: 0, plan: { items } });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const dispatch = createDispatch(
      createHandlers(services.context),
      createAppLog(() => undefined),
    );
    server = await startPreviewServer({
      dispatchIn: (_session, name, payload) => dispatch(name, payload),
      newSession: newCoordinatorSession,
      staticRoot: services.folder,
    });
    cookie = await openBrowserSession(server);
    const ipcMain: IpcMainLike = { handle: (name, listener) => void ipcListeners.set(name, listener) };
    registerIpcDoor(ipcMain, dispatch, () => APP_URL);
  });
  afterAll(async () => {
    await server.close();
    await services.dispose();
  });

  const doors: Record<string, (channel: Channel, payload: unknown) => Promise<Result<unknown>>> = {
    service: (channel, payload) => services.dispatchRaw(channel, payload),
    ipc: (channel, payload) => ipcListeners.get(ipcChannel(channel))!({ senderFrame: { url: `${APP_URL}#/week`, parent: null } }, payload),
    http: async (channel, payload) =>
      answerOf(
        await fetch(`${server.url}api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(payload),
        }),
      ),
  };

  it.each(Object.keys(doors))('the %s door refuses it beside the status, and nothing changes', async (door) => {
    const before = await services.snapshot();
    const record = { doctor: 'Dr. Kim' };
    for (const [index, code] of [
      [1, 'session_in_future'],
      [2, 'session_in_future'],
      [3, 'session_not_dated'],
    ] as const) {
      const result = await doors[door]!('setSessionStatus', { patientId, index, expectedVersion: 1, status: 'done', record });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['status'], code }] } });
    }
    expect((await doors[door]!('getPatientPlan', { patientId })).ok).toBe(true);
    // The same plan, read typed to build the save that goes through the door.
    const { items } = valueOf(await services.dispatch('getPatientPlan', { patientId })).plan;
    const inFuture = items.map((item, index) => (index === 2 ? { ...item, status: 'done', record } : item));
    const saved = await doors[door]!('savePatientPlan', { patientId, expectedVersion: 1, plan: { items: inFuture } });
    expect(saved).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['plan', 'items', 2, 'status'], code: 'session_in_future' }] },
    });
    // Opening the plan is audited; the plan, its versions and the sessions are as they were.
    const after = JSON.parse(await services.snapshot()) as [string, unknown[]][];
    const without = (tables: [string, unknown[]][]) => tables.filter(([name]) => name !== 'audit_log');
    expect(without(after)).toEqual(without(JSON.parse(before) as [string, unknown[]][]));
  });

  it('takes this morning’s session, and the afternoon one once its time has come', async () => {
    const morning = await services.dispatch('setSessionStatus', {
      patientId,
      index: 0,
      expectedVersion: 1,
      status: 'done',
      record: { doctor: 'Dr. Kim' },
    });
    expect(morning.ok).toBe(true);
    clock.set('2027-02-22T06:00:00Z'); // 15:00 in Korea
    const afternoon = await services.dispatch('setSessionStatus', {
      patientId,
      index: 1,
      expectedVersion: 2,
      status: 'done',
      record: { doctor: 'Dr. Kim' },
    });
    expect(afternoon.ok).toBe(true);
  });
});
