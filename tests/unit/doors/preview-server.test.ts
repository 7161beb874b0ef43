import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/doors/content-security-policy';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { newCoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { answerOf, openBrowserSession, post } from '../../support/preview-client';
import { openTempServices, type TempServices } from '../../support/temp-services';

let services: TempServices;
let server: PreviewServer;
let cookie: string;
beforeAll(async () => {
  services = openTempServices();
  const root = join(services.folder, 'static');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ClinicDesk</title>');
  writeFileSync(join(services.folder, 'secret.txt'), 'outside the static root');
  server = await startPreviewServer({ dispatchIn: services.dispatchIn, newSession: newCoordinatorSession, staticRoot: root });
  cookie = await openBrowserSession(server);
});
afterAll(async () => {
  await server.close();
  services.dispose();
});

describe('the preview server', () => {
  it('listens on the loopback address only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the renderer with the app CSP, and the page for any screen path, to a browser with a session', async () => {
    for (const path of ['', 'patients/x']) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('<title>ClinicDesk</title>');
    }
  });

  it('never serves a file outside its folder', async () => {
    const response = await fetch(`${server.url}..%2Fsecret.txt`);
    expect(await response.text()).not.toContain('outside the static root');
  });

  it('answers a channel call with its result', async () => {
    const response = await post(server, 'getAppInfo', {}, cookie);
    expect(await answerOf(response)).toMatchObject({ ok: true, value: { patientCount: 0 } });
  });

  it('closes at once even while a client holds an idle connection open', async () => {
    const extra = await startPreviewServer({
      dispatchIn: services.dispatchIn,
      newSession: newCoordinatorSession,
      staticRoot: services.folder,
    });
    const { port } = new URL(extra.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const started = Date.now();
    await extra.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    socket.destroy();
  });

  it('refuses a body that is not JSON with a typed error', async () => {
    const response = await fetch(`${server.url}api/getAppInfo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
