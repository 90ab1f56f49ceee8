import { useMediaQuery } from './use-media-query';

/**
 * Small screens (phones, narrow windows): the site navigation folds into a menu button and the
 * workspace puts its title and the notebook/tutor tabs in one bar.
 */
export const COMPACT_LAYOUT_QUERY = '(max-width: 699px)';

export function useCompactLayout(): boolean {
  return useMediaQuery(COMPACT_LAYOUT_QUERY);
}
