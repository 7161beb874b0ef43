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
  return answerOf(await post(server, channel, payload, cookie));
}

/** The door's JSON answer as the Result it must be: checked, not assumed, since it crossed HTTP. A channel's value
 * is left unknown (the contract has no schemas for results); a test reads what it needs with `expect`. */
export async function answerOf(response: Response): Promise<Result<unknown>> {
  const answer: unknown = await response.json();
  if (isResult(answer)) return answer;
  throw new Error(`Not a Result: ${JSON.stringify(answer)}`);
}

function isResult(answer: unknown): answer is Result<unknown> {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return false;
  if (answer.ok === true) return 'value' in answer;
  if (answer.ok !== false || !('error' in answer) || typeof answer.error !== 'object' || answer.error === null) return false;
  const { error } = answer;
  return (
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string' &&
    'issues' in error &&
    Array.isArray(error.issues)
  );
}
