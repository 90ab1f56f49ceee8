// One data-fetching approach for the pages: TanStack Query over the one API client. Queries are
// keyed by resource; a page reads with `useQuery` and writes with `useMutation`, then invalidates.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** No retry of answers the server meant (4xx): a missing module stays missing. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
