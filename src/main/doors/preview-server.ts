// The browser door: the built renderer and the services over HTTP on 127.0.0.1, for machines without Electron
// and for the e2e tests. POST /api/<channel> with a JSON body answers with the channel's Result.
// Only this machine can reach it; a web page elsewhere in the browser cannot call it: the Host header must be
// the loopback address (no DNS rebinding), a browser's Origin must be this server's, and the body must be JSON
// (so a cross-site form cannot post without a preflight this server never grants).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fail } from '../../shared/contract';
import { MAX_PHOTO_BYTES } from '../../shared/contract/photos';
import type { Dispatch } from '../services/dispatch';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

const MAX_BODY_BYTES = Math.ceil(MAX_PHOTO_BYTES * 1.4) + 1024 * 1024;

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
  readonly url: string;
  close(): Promise<void>;
}

export function startPreviewServer(options: {
  dispatch: Dispatch;
  staticRoot: string;
  port?: number;
}): Promise<PreviewServer> {
  const staticRoot = resolve(options.staticRoot);
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('ClinicDesk preview: request failed', error);
      if (!response.headersSent) send(response, 500, fail('internal', 'Internal error.'));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!isLoopbackHost(host, new URL(origin).port)) return send(response, 403, fail('forbidden', 'Wrong host.'));
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, fail('forbidden', 'Method not allowed.'));
    return serveStatic(url.pathname, response);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') return send(response, 405, fail('forbidden', 'Use POST.'));
    const requestOrigin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if ((requestOrigin !== undefined && requestOrigin !== origin) || (fetchSite !== undefined && fetchSite !== 'same-origin')) {
      return send(response, 403, fail('forbidden', 'Refused: the call did not come from the ClinicDesk page.'));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, fail('forbidden', 'Send JSON.'));
    }
    const body = await readBody(request);
    if (body === 'too_large') return send(response, 413, fail('invalid_input', 'The request is too large.'));
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(response, 400, fail('invalid_input', 'The body is not valid JSON.'));
    }
    send(response, 200, await options.dispatch(channel, payload));
  }

  function serveStatic(pathname: string, response: ServerResponse): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(staticRoot, relative);
    if (!file.startsWith(staticRoot + sep) && file !== staticRoot) return void send(response, 404, fail('not_found', 'Not found.'));
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html'); // single-page app
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
      const port = typeof address === 'object' && address ? address.port : 0;
      origin = `http://127.0.0.1:${port}`;
      resolvePromise({
        url: `${origin}/`,
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

function readBody(request: IncomingMessage): Promise<string | 'too_large'> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolvePromise('too_large');
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
