// The call being served, for what is logged below the dispatch without being handed it: the store's slow
// transactions name the channel and the correlation id of the call that ran them.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Channel } from '../../shared/contract';

export interface CallContext {
  readonly channel: Channel;
  readonly correlationId: string;
}

const calls = new AsyncLocalStorage<CallContext>();

export function runInCall<T>(call: CallContext, work: () => T): T {
  return calls.run(call, work);
}

export function currentCall(): CallContext | undefined {
  return calls.getStore();
}

// Crockford's base 32: no I, L, O or U, so a reference read out over the phone is not misheard or misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Eight characters (40 random bits): short enough to read out from the screen, and never the same twice in one
 * clinic's log in practice. A uuid would do as well for a machine, not for a person on the phone. */
export function newCorrelationId(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let shift = 35n; shift >= 0n; shift -= 5n) id += ALPHABET[Number((bits >> shift) & 31n)];
  return id;
}

export const CORRELATION_ID = /^[0-9A-HJKMNP-TV-Z]{8}$/;
