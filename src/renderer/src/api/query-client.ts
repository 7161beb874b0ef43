// The renderer's one query cache, with defaults for a desktop app: the data changes only through this app's own
// writes (which invalidate what they change) or another coordinator's, so nothing is fetched again because the
// window took the focus or the network came back; a typed refusal is not asked again.
import { QueryClient } from '@tanstack/react-query';
import { shouldRetry, type CallFailed } from './call-failed';
import { AUDITED_READS, channelKey } from './query-keys';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation here fails with the services' typed error (see valueOf).
    defaultError: CallFailed;
  }
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: shouldRetry,
      },
      mutations: { retry: false },
    },
  });
  for (const channel of AUDITED_READS) {
    // Each read is an audit entry: read once per opening of its screen (dropped as soon as the screen closes, so the
    // next opening reads and is logged again) and never again by itself, only when a write invalidates it.
    client.setQueryDefaults(channelKey(channel), { staleTime: Infinity, gcTime: 0, refetchOnMount: false });
  }
  return client;
}
