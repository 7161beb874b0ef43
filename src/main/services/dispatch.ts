// The one way into the services, used by all three doors: look the channel up, parse the payload with its
// contract schema, call the handler, and turn anything unexpected into a typed result. Nothing that fails the
// schema reaches a handler, so nothing invalid reaches a repository.
import { contract, fail, invalid, type Channel, type Handlers, type InputOf, type OutputOf, type Result } from '../../shared/contract';
import { toIssues } from '../../shared/contract/zod-issues';

/** The doors' raw entry: what arrives over IPC and HTTP is unknown until the contract parses it (and the fuzz
 * tests call it so, on purpose). */
export type RawDispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/** The typed way in, for code that knows the channel it calls: its input checked, its result typed, no cast. */
export type Dispatch = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

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
): RawDispatch {
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

/** The raw entry seen typed: sound because the raw entry parses every input with the channel's own schema and
 * answers with that channel's handler result; the one place the two types meet. */
// eslint-disable-next-line no-restricted-syntax -- the doors' raw entry, seen typed: the one cast to a Dispatch (above)
export const typed = (raw: RawDispatch): Dispatch => raw as Dispatch;
