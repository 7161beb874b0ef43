import type { z } from 'zod';

/** A channel of the contract: the zod schema its input must pass, and (as a type only) what it returns. */
export interface ChannelSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom: never read at run time, carries the result type to handlers and callers. */
  readonly output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input });
}
