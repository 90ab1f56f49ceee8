import { useQuery } from '@tanstack/react-query';
import { getCatalog, type ModuleCatalogItem } from '../api/modules/get-catalog';

export type CatalogState =
  { status: 'loading' } | { status: 'error' } | { status: 'loaded'; modules: ModuleCatalogItem[] };

/** The public catalog: the same for everyone, signed in or not. */
export const catalogKey = ['module-catalog'] as const;

/** The public module catalog. */
export function useCatalog(): CatalogState {
  const query = useQuery({
    queryKey: catalogKey,
    queryFn: ({ signal }) => getCatalog(signal),
    // The page says at once that the list could not be loaded (and points to the way in).
    retry: false,
  });
  if (query.isPending) return { status: 'loading' };
  if (query.isError) return { status: 'error' };
  return { status: 'loaded', modules: query.data };
}
