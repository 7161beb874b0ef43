// The renderer's door to the services. In Electron the preload provides `window.api` over IPC; in the preview
// (a plain browser) the same functions post to the preview server. Both are typed by the one contract.
import { fail, type ClinicDeskApi, type Result } from '../../../shared/contract';
import { apiFrom } from '../../../shared/contract/api-from';

declare global {
  interface Window {
    api?: ClinicDeskApi;
  }
}

function httpApi(): ClinicDeskApi {
  return apiFrom((channel) => async (input) => {
    try {
      const response = await fetch(`./api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      // No session (the preview restarted, so its sessions are gone): the page reloads into the one that says to
      // open the URL the preview printed.
      if (response.status === 401) window.location.reload();
      // The preview server answers with the services' result for this channel, or a refusal of its own: both typed
      // by the contract, as the IPC door's answers are.
      return noticeSignedOut(await response.json());
    } catch (error) {
      return fail('internal', `ClinicDesk is not reachable: ${String(error)}`);
    }
  });
}

/** Sent when the services refuse a call because nobody is signed in; the app then shows the sign-in screen. */
export const SIGNED_OUT_EVENT = 'clinicdesk:session-changed';

function noticeSignedOut<T>(result: Result<T>): Result<T> {
  if (
    !result.ok &&
    result.error.code === 'forbidden' &&
    result.error.issues.some((found) => found.code === 'not_signed_in' || found.code === 'no_coordinators')
  ) {
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  }
  return result;
}

function withSignOutNotice(inner: ClinicDeskApi): ClinicDeskApi {
  return apiFrom((channel) => {
    const call = inner[channel];
    return async (input) => noticeSignedOut(await call(input));
  });
}

export const api: ClinicDeskApi = window.api ? withSignOutNotice(window.api) : httpApi();
