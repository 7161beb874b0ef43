// The preview's credential: a one-time URL becomes one browser's session cookie; without it every channel is
// refused before its body is read, another OS user included; sign-in is per browser; and the services, not the
// page, lock a session that made no call for the clinic's idle time.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { newCoordinatorSession, type CoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { CHANNELS, type Result } from '../../../src/shared/contract';
import { IDLE_LOCK_MINUTES } from '../../../src/shared/domain/coordinators/coordinator-pin';
import { answerOf, call, openBrowserSession, post } from '../../support/preview-client';
import { fixtureIntake, movableClock, openTempServices, type TempServices } from '../../support/temp-services';

const run = promisify(execFile);
const clock = movableClock();
let services: TempServices;
let server: PreviewServer;
const served: string[] = [];
let patientName = '';
let parkId = '';

beforeAll(async () => {
  services = openTempServices(clock.now, undefined, { requireSignIn: true });
  const root = join(services.folder, 'static');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ClinicDesk</title>');
  writeFileSync(join(root, 'app.js'), 'console.log(1)');
  server = await startPreviewServer({
    dispatchIn: (session: CoordinatorSession, channel: string, payload: unknown) => {
      served.push(channel);
      return services.dispatchIn(session, channel, payload);
    },
    newSession: newCoordinatorSession,
    staticRoot: root,
  });
  // The clinic's first profile, made (and signed in) in a session of its own, which then adds a patient.
  const setup = newCoordinatorSession();
  const added = await services.dispatchIn(setup, 'addCoordinator', { name: 'Park Ji-won', pin: '482913' });
  if (!added.ok) throw new Error(added.error.message);
  const patient = fixtureIntake('en');
  const created = await services.dispatchIn(setup, 'createPatient', { patient });
  if (!created.ok) throw new Error(created.error.message);
  // dispatchIn is the door's raw entry, its values unknown: what the test needs is read typed instead.
  const listed = await services.dispatch('listCoordinators', {});
  if (!listed.ok) throw new Error(listed.error.message);
  parkId = listed.value.coordinators[0]!.id;
  patientName = patient.names.latin;
});
afterAll(async () => {
  await server.close();
  services.dispose();
});

const search = { query: '', tripStatus: 'all', limit: 10 };
const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
const issueOf = (result: Result<unknown>) => (result.ok ? null : (result.error.issues[0]?.code ?? null));

describe('the preview without a session', () => {
  it('refuses every channel with 401 and a typed result, and serves none of them', async () => {
    served.length = 0;
    for (const channel of CHANNELS) {
      const response = await post(server, channel, {});
      expect(response.status, channel).toBe(401);
      expect(codeOf(await answerOf(response)), channel).toBe('no_session');
    }
    // A made-up cookie is no session either.
    const forged = await post(
      server,
      'searchPatients',
      { query: '', tripStatus: 'all', limit: 10 },
      `clinicdesk_session_${new URL(server.url).port}=forged`,
    );
    expect(forged.status).toBe(401);
    expect(served).toEqual([]);
  });

  it('answers the page with what to do, not the app, and still serves the scripts (no clinic data in them)', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(401);
    const text = await page.text();
    expect(text).toContain('Open the address the preview printed');
    expect(text).not.toContain('<title>ClinicDesk</title>');
    expect((await fetch(`${server.url}app.js`)).status).toBe(200);
  });

  it('refuses another OS user (uid nobody), who cannot read the printed URL', async () => {
    // CI runs as root, so this runs as nobody for real; without setpriv it fails rather than skips.
    const { stdout } = await run('setpriv', [
      '--reuid=nobody',
      '--regid=nogroup',
      '--clear-groups',
      'curl',
      '--silent',
      '--show-error',
      '--output',
      '-',
      '--write-out',
      '\n%{http_code}',
      '--header',
      'content-type: application/json',
      '--data',
      '{"query":"","tripStatus":"all","limit":10}',
      `${server.url}api/searchPatients`,
    ]);
    const uid = await run('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'id', '-u']);
    expect(Number(uid.stdout.trim())).not.toBe(process.getuid?.());
    expect(stdout.trim().split('\n').at(-1)).toBe('401');
    expect(stdout).not.toContain(patientName);
  });
});

describe('the one-time URL', () => {
  it('opens a session once: spent, it is refused; a browser with a session keeps its own', async () => {
    const tokenUrl = server.newTokenUrl();
    expect((await fetch(tokenUrl, { method: 'HEAD', redirect: 'manual' })).status).toBe(401);
    const first = await fetch(tokenUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;

    const again = await fetch(tokenUrl, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('Open the address the preview printed');

    const withSession = await fetch(tokenUrl, { redirect: 'manual', headers: { cookie } });
    expect(withSession.status).toBe(303);
    expect(withSession.headers.get('set-cookie')).toBeNull();
    expect((await fetch(server.url, { headers: { cookie } })).status).toBe(200);
    expect(codeOf(await call(server, 'getAppInfo', {}, cookie))).toBe('ok');
  });
});

describe('sessions per browser', () => {
  it('a sign-in is one browser’s, and the services lock a browser’s session after the idle time without a call', async () => {
    const park = await openBrowserSession(server);
    const other = await openBrowserSession(server);

    const before = await call(server, 'searchPatients', search, park);
    expect([codeOf(before), issueOf(before)]).toEqual(['forbidden', 'not_signed_in']);
    expect(codeOf(await call(server, 'signIn', { coordinatorId: parkId, pin: '482913' }, park))).toBe('ok');
    expect(codeOf(await call(server, 'searchPatients', search, park))).toBe('ok');

    // The other browser is not signed in by Park's sign-in: nothing but the sign-in channels, and no draft.
    const refused = await call(server, 'searchPatients', search, other);
    expect([codeOf(refused), issueOf(refused)]).toEqual(['forbidden', 'not_signed_in']);
    const planted = await call(
      server,
      'saveDraft',
      { key: 'new:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', label: 'x', baseVersion: null, form: { allergies: 'none' } },
      other,
    );
    expect(issueOf(planted)).toBe('not_signed_in');
    expect(await call(server, 'listCoordinators', {}, other)).toMatchObject({ ok: true, value: { signedIn: null } });

    // Calls keep the sign-in alive; the clinic's idle time without one ends it, on the services' clock.
    const idleMs = IDLE_LOCK_MINUTES.default * 60_000;
    clock.set(new Date(clock.now().getTime() + idleMs - 1_000));
    expect(codeOf(await call(server, 'searchPatients', search, park))).toBe('ok');
    clock.set(new Date(clock.now().getTime() + idleMs - 1_000));
    expect(codeOf(await call(server, 'searchPatients', search, park))).toBe('ok');
    clock.set(new Date(clock.now().getTime() + idleMs));
    const locked = await call(server, 'searchPatients', search, park);
    expect([codeOf(locked), issueOf(locked)]).toEqual(['forbidden', 'not_signed_in']);
    const audit = services.context.db
      .prepare<[], { action: string; actor: string; fields_json: string }>(
        'SELECT action, actor, fields_json FROM audit_log ORDER BY seq DESC LIMIT 1',
      )
      .get();
    expect(audit).toMatchObject({ action: 'coordinator.signout', actor: 'Park Ji-won', fields_json: '["idle"]' });

    // Locked is still a session: what was typed behind the lock is kept as Park's draft.
    const draft = await call(
      server,
      'saveDraft',
      { key: 'new:1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', label: 'Nguyen', baseVersion: null, form: { latinName: 'Nguyen' } },
      park,
    );
    expect(codeOf(draft)).toBe('ok');
  });
});

describe('a first run, with no profiles yet', () => {
  it('serves nothing of the patients, nor takes a draft, until the first profile is made; that one is signed in', async () => {
    const fresh = openTempServices(clock.now, undefined, { requireSignIn: true });
    try {
      const browser = newCoordinatorSession();
      for (const [channel, payload] of [
        ['searchPatients', search],
        ['createPatient', { patient: fixtureIntake('en') }],
        ['saveDraft', { key: 'new:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', label: 'x', baseVersion: null, form: {} }],
        ['listDrafts', {}],
      ] as const) {
        const refused = await fresh.dispatchIn(browser, channel, payload);
        expect([codeOf(refused), issueOf(refused)], channel).toEqual(['forbidden', 'no_coordinators']);
      }
      expect(codeOf(await fresh.dispatchIn(browser, 'getClinicSettings', {}))).toBe('ok');
      expect(codeOf(await fresh.dispatchIn(browser, 'addCoordinator', { name: 'Park Ji-won', pin: '482913' }))).toBe('ok');
      expect(codeOf(await fresh.dispatchIn(browser, 'searchPatients', search))).toBe('ok');
      // Another browser is not signed in by that.
      const other = await fresh.dispatchIn(newCoordinatorSession(), 'searchPatients', search);
      expect(issueOf(other)).toBe('not_signed_in');
    } finally {
      fresh.dispose();
    }
  });
});
