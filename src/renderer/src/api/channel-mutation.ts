// A write over one contract channel. Its answer stays a Result, as the forms read it (a refusal's issues go beside
// their fields); once the write is done, the reads it changed are invalidated, so every screen showing them reads
// them again (and only those: an audited read is listed only where a write really changes what it shows).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Channel, InputOf, OutputOf, Result } from '../../../shared/contract';
import { api } from './client';
import { channelKey } from './query-keys';

export function useChannelMutation<C extends Channel>(channel: C, invalidates: readonly Channel[]) {
  const queryClient = useQueryClient();
  // Annotated, not cast: the checker verifies that the channel's function takes this input and gives this result.
  const call: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> = api[channel];
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      if (!result.ok) return;
      for (const changed of invalidates) void queryClient.invalidateQueries({ queryKey: channelKey(changed) });
    },
  });
}
