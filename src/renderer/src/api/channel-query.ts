// Query options for one contract channel over the typed `api`: the key from query-keys, the value of the Result
// or its typed error. Screens use these through useQuery, or the named hooks in reads.ts.
import { queryOptions } from '@tanstack/react-query';
import type { Channel, InputOf, OutputOf, Result } from '../../../shared/contract';
import { api } from './client';
import { valueOf } from './call-failed';
import { readKey } from './query-keys';

export async function callChannel<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  // Annotated, not cast: the checker verifies that the channel's function takes this input and gives this result.
  const call: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> = api[channel];
  return valueOf(channel, await call(input));
}

export function channelQuery<C extends Channel>(channel: C, input: InputOf<C>) {
  return queryOptions({
    queryKey: readKey(channel, input),
    queryFn: () => callChannel(channel, input),
  });
}
