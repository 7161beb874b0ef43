// What a request may make the preview read: the Content-Length is judged before a byte of the body is read (413
// per channel, a photo larger), large bodies read at once are capped (503, so memory stays bounded), and small
// calls from other clients are answered meanwhile.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimitOf, DEFAULT_BODY_LIMIT, MAX_LARGE_BODIES } from '../../../src/main/doors/body-limits';
import { startPreviewServer, type PreviewServer } from '../../../src/main/doors/preview-server';
import { newCoordinatorSession } from '../../../src/main/services/sessions/coordinator-session';
import { call, openBrowserSession, post } from '../../support/preview-client';
import { openTempServices, type TempServices } from '../../support/temp-services';

let services: TempServices;
let server: PreviewServer;
let cookie: string;
const sockets: Socket[] = [];
const search = { query: '', tripStatus: 'all', limit: 10 };

beforeAll(async () => {
  // Without the sign-in gate: these limits are the door's, before any service is reached.
  services = openTempServices();
  server = await startPreviewServer({ dispatchIn: services.dispatchIn, newSession: newCoordinatorSession, staticRoot: services.folder });
  cookie = await openBrowserSession(server);
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await server.close();
  services.dispose();
});

/** Sends a request's head (and `bodyStart` of its body) and no more; resolves with the socket and what it receives. */
async function startUpload(channel: string, length: number, bodyStart = '') {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1');
  sockets.push(socket);
  await new Promise((resolve) => socket.once('connect', resolve));
  let received = '';
  socket.on('data', (chunk: Buffer) => void (received += chunk.toString('utf8')));
  socket.on('error', () => undefined);
  socket.write(
    `POST /api/${channel} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nCookie: ${cookie}\r\nContent-Length: ${length}\r\n\r\n${bodyStart}`,
  );
  return { socket, received: () => received };
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the preview’s body limits', () => {
  it('a photo takes more than other channels, and saveDraft without a session is 401', async () => {
    expect(bodyLimitOf('addPhoto')).toBeGreaterThan(40 * 1024 * 1024);
    expect(bodyLimitOf('saveDraft')).toBe(DEFAULT_BODY_LIMIT);
    const response = await post(server, 'saveDraft', {
      key: 'new:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      label: 'x',
      baseVersion: null,
      form: {},
    });
    expect(response.status).toBe(401);
    expect(await services.context.store.read((tx) => tx.drafts.list())).toEqual([]);
  });

  it('answers a body declared as 50 MB with 413 before it is sent, while another client’s search is answered', async () => {
    const upload = await startUpload('addPhoto', 50 * 1024 * 1024);
    await until(() => upload.received().includes('\r\n\r\n'));
    expect(upload.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(upload.received()).toContain('"too_large"');
    const started = Date.now();
    const other = await openBrowserSession(server);
    expect((await call(server, 'searchPatients', search, other)).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    // A small channel's limit is its own: 3 MB is too much for a search.
    const big = await startUpload('searchPatients', 3 * 1024 * 1024);
    await until(() => big.received().includes('\r\n\r\n'));
    expect(big.received()).toMatch(/^HTTP\/1\.1 413 /);
  });

  it(`reads at most ${MAX_LARGE_BODIES} large bodies at once: the next is 503, small calls still pass, and a freed slot is taken again`, async () => {
    const held = [];
    for (let index = 0; index < MAX_LARGE_BODIES; index += 1) held.push(await startUpload('addPhoto', 10 * 1024 * 1024, '{"patientId":"'));
    // Let the server take each one up and start reading.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const upload of held) expect(upload.received()).toBe('');

    const refused = await startUpload('addPhoto', 10 * 1024 * 1024);
    await until(() => refused.received().includes('\r\n\r\n'));
    expect(refused.received()).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused.received().toLowerCase()).toContain('retry-after: 1');
    expect(refused.received()).toContain('"busy"');
    expect((await call(server, 'searchPatients', search, cookie)).ok).toBe(true);

    held[0]!.socket.destroy();
    const body = JSON.stringify({
      patientId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
      visitDate: '2026-11-24',
      angle: 'front',
      dataBase64: 'A'.repeat(100_000),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await startUpload('addPhoto', Buffer.byteLength(body), body);
    await until(() => next.received().includes('"ok":'));
    expect(next.received()).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('a body that trickles in', () => {
  it('is cut off at the deadline, and its slot is free again', async () => {
    const slow = await startPreviewServer({
      dispatchIn: services.dispatchIn,
      newSession: newCoordinatorSession,
      staticRoot: services.folder,
      bodyDeadlineMs: 300,
    });
    const slowCookie = await openBrowserSession(slow);
    const { port } = new URL(slow.url);
    try {
      const uploads: { closed: boolean; received: string }[] = [];
      for (let index = 0; index <= MAX_LARGE_BODIES; index += 1) {
        const socket = connect(Number(port), '127.0.0.1');
        sockets.push(socket);
        await new Promise((resolve) => socket.once('connect', resolve));
        const state = { closed: false, received: '' };
        socket.on('data', (chunk: Buffer) => void (state.received += chunk.toString('utf8')));
        socket.on('close', () => void (state.closed = true));
        socket.on('error', () => undefined);
        socket.write(
          `POST /api/addPhoto HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nCookie: ${slowCookie}\r\nContent-Length: ${1024 * 1024}\r\n\r\n{"patientId":"`,
        );
        uploads.push(state);
        if (index === MAX_LARGE_BODIES - 1) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The last one found every slot taken.
      await until(() => uploads.at(-1)!.received.includes('\r\n\r\n'));
      expect(uploads.at(-1)!.received).toMatch(/^HTTP\/1\.1 503 /);
      // The trickling ones are cut off at the deadline...
      await until(() => uploads.slice(0, MAX_LARGE_BODIES).every((upload) => upload.closed));
      // ...and a large body is read again.
      const body = JSON.stringify({
        patientId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
        visitDate: '2026-11-24',
        angle: 'front',
        dataBase64: 'A'.repeat(100_000),
      });
      const response = await fetch(`${slow.url}api/addPhoto`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: slowCookie },
        body,
      });
      expect(response.status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
