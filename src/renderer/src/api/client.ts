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
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return fail('internal', `ClinicDesk is not reachable: ${String(error)}`);
    }
  };
  return Object.fromEntries(CHANNELS.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as ClinicDeskApi;
}

export const api: ClinicDeskApi = window.api ?? httpApi();
