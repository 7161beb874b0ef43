// The renderer's door to the services. In Electron the preload provides `window.api` over IPC; in the preview
// (a plain browser) the same functions post to the preview server. Both are typed by the one contract.
import { CHANNELS, fail, type ClinicDeskApi, type Result } from '../../../shared/contract';

declare global {
  interface Window {
    api?: ClinicDeskApi;
  }
}

function httpApi(): ClinicDeskApi {
  const call = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`./api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      // No session (the preview restarted, so its sessions are gone): the page reloads into the one that says to
      // open the URL the preview printed.
      if (response.status === 401) window.location.reload();
      return noticeSignedOut((await response.json()) as Result<unknown>);
    } catch (error) {
      return fail('internal', `ClinicDesk is not reachable: ${String(error)}`);
    }
  };
  return Object.fromEntries(CHANNELS.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as ClinicDeskApi;
}

/** Sent when the services refuse a call because nobody is signed in; the app then shows the sign-in screen. */
export const SIGNED_OUT_EVENT = 'clinicdesk:session-changed';

function noticeSignedOut(result: Result<unknown>): Result<unknown> {
  if (!result.ok && result.error.code === 'forbidden' && result.error.issues.some((found) => found.code === 'not_signed_in' || found.code === 'no_coordinators')) {
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  }
  return result;
}

function withSignOutNotice(inner: ClinicDeskApi): ClinicDeskApi {
  return Object.fromEntries(
    CHANNELS.map((name) => [name, async (input: unknown) => noticeSignedOut(await (inner[name] as (input: unknown) => Promise<Result<unknown>>)(input))]),
  ) as unknown as ClinicDeskApi;
}

export const api: ClinicDeskApi = window.api ? withSignOutNotice(window.api) : httpApi();
