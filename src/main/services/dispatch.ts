// The one way into the services, used by all three doors: look the channel up, parse the payload with its
// contract schema, call the handler, and turn anything unexpected into a typed result. Nothing that fails the
// schema reaches a handler, so nothing invalid reaches a repository.
import { contract, fail, invalid, type Channel, type Handlers, type OutputOf, type Result } from '../../shared/contract';
import { toIssues } from '../../shared/contract/zod-issues';

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/**
 * `damaged`: the message for an error that is damage to the database (open-services.ts names the newest backup),
 * or null for any other error. Damage is answered with that message, not as an internal error with a stack trace.
 */
export function createDispatch(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
  damaged: (error: unknown) => string | null = () => null,
): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) return fail('unknown_channel', `No channel named ${JSON.stringify(channel)}.`);
    const parsed = contract[channel].input.safeParse(payload);
    if (!parsed.success) return invalid(toIssues(parsed.error, payload));
    try {
      const handler = handlers[channel] as (input: unknown) => Result<OutputOf<Channel>> | Promise<Result<OutputOf<Channel>>>;
      return await handler(parsed.data);
    } catch (error) {
      const damage = damaged(error);
      if (damage !== null) return fail('database_damaged', damage);
      log(`ClinicDesk: ${channel} failed`, error);
      return fail('internal', 'Something went wrong on our side; nothing was saved. The error was logged.');
    }
  };
}
