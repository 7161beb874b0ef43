// The browser door: the built renderer and the services over HTTP on 127.0.0.1, for machines without Electron
// and for the e2e tests. POST /api/<channel> with a JSON body answers with the channel's Result.
// Only this machine can reach it; a web page elsewhere in the browser cannot call it: the Host header must be
// the loopback address (no DNS rebinding), a browser's Origin must be this server's, and the body must be JSON
// (so a cross-site form cannot post without a preflight this server never grants). Only a browser that opened
// the printed one-time URL has a session (preview-sessions.ts): every call without one is refused with 401 before
// its body is read, and what a session may send is bounded by its Content-Length first (body-limits.ts).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fail, type AppError, type Result } from '../../shared/contract';
import type { AppLog } from '../logging/app-log';
import { doorRefusal } from '../services/dispatch';
import type { CoordinatorSession } from '../services/sessions/coordinator-session';
import { bodyLimitOf, createBodySlots, declaredLength, readBody } from './body-limits';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { NO_SESSION_PAGE } from './no-session-page';
import { cookieValue, createPreviewSessions, sessionCookie, sessionCookieName } from './preview-sessions';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface PreviewServer {
  /** The server's address, without a token: a browser without a session gets a page saying to use the printed URL. */
  readonly url: string;
  /** A new one-time URL that opens a session for the first browser that opens it. */
  newTokenUrl(): string;
  close(): Promise<void>;
}

export function startPreviewServer(options: {
  /** Serves a call in a browser's session (OpenServices.dispatchIn). */
  dispatchIn: (session: CoordinatorSession, channel: string, payload: unknown) => Promise<Result<unknown>>;
  /** The session a redeemed token opens. */
  newSession: () => CoordinatorSession;
  /** Told each time a token is spent (the preview then prints a URL for the next browser). */
  onTokenRedeemed?: () => void;
  staticRoot: string;
  port?: number;
  /** How long a body may take to arrive (body-limits.ts); tests shorten it. */
  bodyDeadlineMs?: number;
  /** The support log, for the refusals this door makes before the dispatch and for its own failures. */
  log?: AppLog;
}): Promise<PreviewServer> {
  const staticRoot = resolve(options.staticRoot);
  const sessions = createPreviewSessions(options.newSession);
  const slots = createBodySlots();
  let origin = '';
  let port = '';
  const sessionOf = (request: IncomingMessage) => sessions.find(cookieValue(request.headers.cookie, sessionCookieName(port)));

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('ClinicDesk preview: request failed', error);
      options.log?.failedOutsideCall('preview_request', error);
      if (!response.headersSent) send(response, 500, fail('internal', 'Internal error.'));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!isLoopbackHost(host, new URL(origin).port)) return send(response, 403, fail('forbidden', 'Wrong host.'));
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, fail('forbidden', 'Method not allowed.'));
    const token = url.searchParams.get('token');
    if (token !== null) return openSession(request, response, token);
    return serveStatic(url.pathname, response, sessionOf(request) !== null);
  }

  /** The printed URL: its token becomes this browser's session cookie, then the page without the token in the
   * address bar or the history. A browser that has a session already keeps it and spends nothing. */
  function openSession(request: IncomingMessage, response: ServerResponse, token: string): void {
    const headers: Record<string, string> = { location: '/', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
    if (sessionOf(request) === null) {
      // Only a page load spends a token: a HEAD (a link checker, a preview of the address) leaves it for the browser.
      if (request.method !== 'GET') return sendNoSessionPage(response);
      const id = sessions.redeem(token);
      if (id === null) return sendNoSessionPage(response);
      headers['set-cookie'] = sessionCookie(port, id);
      options.onTokenRedeemed?.();
    }
    response.writeHead(303, headers);
    response.end();
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    // Each refusal is logged under the channel asked for (a name the contract does not have is written as '?').
    const refused = (refusal: { ok: false; error: AppError }) => (options.log ? doorRefusal(options.log, channel, refusal) : refusal);
    if (request.method !== 'POST') return send(response, 405, refused(fail('forbidden', 'Use POST.')));
    const requestOrigin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if ((requestOrigin !== undefined && requestOrigin !== origin) || (fetchSite !== undefined && fetchSite !== 'same-origin')) {
      return send(response, 403, refused(fail('forbidden', 'Refused: the call did not come from the ClinicDesk page.')));
    }
    const session = sessionOf(request);
    if (!session) return refuse(response, 401, refused(fail('no_session', 'No session: open the URL the preview printed.')));
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(response, 415, refused(fail('forbidden', 'Send JSON.')));
    }
    const length = declaredLength(request);
    if (length === 'missing') return refuse(response, 411, refused(fail('invalid_input', 'Send a Content-Length.')));
    if (length === 'invalid') return refuse(response, 400, refused(fail('invalid_input', 'The Content-Length is not a number.')));
    const limit = bodyLimitOf(channel);
    if (length > limit)
      return refuse(response, 413, refused(fail('too_large', `The request is too large: ${channel} takes up to ${limit} bytes.`)));
    const release = slots.take(length);
    if (!release) {
      response.setHeader('retry-after', '1');
      return refuse(response, 503, refused(fail('busy', 'Too many uploads at once: try again in a moment.')));
    }
    let body: string | 'too_large' | 'aborted';
    try {
      body = await readBody(request, limit, options.bodyDeadlineMs);
    } finally {
      release();
    }
    if (body === 'aborted') return;
    if (body === 'too_large') return refuse(response, 413, refused(fail('too_large', 'The request is too large.')));
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(response, 400, refused(fail('invalid_input', 'The body is not valid JSON.')));
    }
    send(response, 200, await options.dispatchIn(session, channel, payload));
  }

  /** The built renderer's scripts and styles hold no clinic data and are served to anyone; the page itself only to
   * a browser with a session. */
  function serveStatic(pathname: string, response: ServerResponse, hasSession: boolean): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(staticRoot, relative);
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) return void send(response, 404, fail('not_found', 'Not found.'));
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html'); // single-page app
    if (extname(file) === '.html' && !hasSession) return sendNoSessionPage(response);
    if (!existsSync(file)) return void send(response, 404, fail('not_found', 'The renderer is not built: run npm run build:renderer.'));
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = String(typeof address === 'object' && address ? address.port : 0);
      origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: `${origin}/`,
        newTokenUrl: () => `${origin}/?token=${sessions.issueToken()}`,
        // Chromium may hold an idle keep-alive socket that would keep close() waiting for the 60 s header timeout.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function isLoopbackHost(host: string, port: string): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** A refusal before the body is read: Node closes the connection after the answer instead of reading the body
 * this server will not take to keep the connection alive. */
function refuse(response: ServerResponse, status: number, body: unknown): void {
  response.setHeader('connection', 'close');
  send(response, status, body);
}

function sendNoSessionPage(response: ServerResponse): void {
  response.writeHead(401, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  response.end(NO_SESSION_PAGE);
}
