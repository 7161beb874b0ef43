// Typed calls to the services behind the page, for setting up data and for checking what was really stored
// (the database, not the screen).
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import type { App } from './fixtures';

export async function callService<C extends Channel>(app: App, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await app.services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export async function patientCount(app: App): Promise<number> {
  return (await callService(app, 'getAppInfo', {})).patientCount;
}
