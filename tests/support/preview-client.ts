// A client of the preview server as a browser is one: it opens a printed one-time URL, keeps the session cookie,
// and posts channel calls with it.
import type { PreviewServer } from '../../src/main/doors/preview-server';
import type { Result } from '../../src/shared/contract';

/** Spends a new token of `server` and returns the Cookie header its session cookie makes. */
export async function openBrowserSession(server: PreviewServer): Promise<string> {
  const response = await fetch(server.newTokenUrl(), { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 303 || !setCookie) throw new Error(`The one-time URL was refused: ${response.status}`);
  return setCookie.split(';')[0]!;
}

/** POSTs `payload` as JSON to `channel`, with `cookie` when given. */
export function post(server: PreviewServer, channel: string, payload: unknown, cookie?: string): Promise<Response> {
  return fetch(`${server.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(payload) ?? 'null',
  });
}

export async function call(server: PreviewServer, channel: string, payload: unknown, cookie: string): Promise<Result<unknown>> {
  return (await (await post(server, channel, payload, cookie)).json()) as Result<unknown>;
}
