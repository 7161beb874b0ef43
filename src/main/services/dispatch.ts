// The one way into the services, used by all three doors: look the channel up, parse the payload with its
// contract schema, call the handler, and turn anything unexpected into a typed result. Nothing that fails the
// schema reaches a handler, so nothing invalid reaches a repository.
// Every error result is logged (logging/app-log.ts: channel, code, issue paths, never the payload) under a
// correlation id that the result carries back to the door, so the reference a coordinator reads on the screen
// finds its line in the log the clinic sends.
import { performance } from 'node:perf_hooks';
import {
  contract,
  fail,
  invalid,
  type AppError,
  type Channel,
  type Handlers,
  type InputOf,
  type OutputOf,
  type Result,
} from '../../shared/contract';
import { toIssues } from '../../shared/contract/zod-issues';
import { stderrAppLog, type AppLog } from '../logging/app-log';
import { newCorrelationId, runInCall } from '../logging/call-context';
import { ServerUnreachableError } from '../db/postgres/server-unreachable';

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
  log: AppLog = stderrAppLog,
  damaged: (error: unknown) => string | null = () => null,
): RawDispatch {
  return async (channel, payload) => {
    const call = { channel, correlationId: newCorrelationId() };
    const started = performance.now();
    const refused = (result: { ok: false; error: AppError }): Result<unknown> => {
      log.refused(call, result.error, performance.now() - started);
      return { ok: false, error: { ...result.error, correlationId: call.correlationId } };
    };
    if (!isChannel(channel)) return refused(fail('unknown_channel', `No channel named ${JSON.stringify(channel)}.`));
    const parsed = contract[channel].input.safeParse(payload);
    if (!parsed.success) return refused(invalid(toIssues(parsed.error, payload)));
    try {
      const handler = handlers[channel] as (input: unknown) => Result<OutputOf<Channel>> | Promise<Result<OutputOf<Channel>>>;
      const result = await runInCall({ channel, correlationId: call.correlationId }, () => handler(parsed.data));
      return result.ok ? result : refused(result);
    } catch (error) {
      // The clinic server went away: said as such, with its address, not as our own failure.
      if (error instanceof ServerUnreachableError) return refused(fail('unreachable', error.message));
      const damage = damaged(error);
      log.failed(call, error, performance.now() - started, damage === null ? 'internal' : 'database_damaged');
      const answer =
        damage === null
          ? fail('internal', 'Something went wrong on our side; nothing was saved. The error was logged.')
          : fail('database_damaged', damage);
      return { ok: false, error: { ...answer.error, correlationId: call.correlationId } };
    }
  };
}

/** A refusal a door makes before the dispatch (a frame that is not the app's, a browser without a session, a body
 * too large): logged and given a reference like the dispatch's own. */
export function doorRefusal(log: AppLog, channel: string, refusal: { ok: false; error: AppError }): { ok: false; error: AppError } {
  const call = { channel, correlationId: newCorrelationId() };
  log.refused(call, refusal.error, 0);
  return { ok: false, error: { ...refusal.error, correlationId: call.correlationId } };
}

/** The raw entry seen typed: sound because the raw entry parses every input with the channel's own schema and
 * answers with that channel's handler result; the one place the two types meet. */
// eslint-disable-next-line no-restricted-syntax -- the doors' raw entry, seen typed: the one cast to a Dispatch (above)
export const typed = (raw: RawDispatch): Dispatch => raw as Dispatch;
