import { createContext, use, type ReactNode } from 'react';

/**
 * What a route may declare in its `handle`. `ownsCompactBar`: on small screens the page draws one
 * bar of its own instead of the site's navbar, and puts the site menu (from useSiteMenu) in it.
 */
export interface PageHandle {
  ownsCompactBar?: boolean;
}

/** The site menu (a button that opens the main navigation), provided by the app's layout. */
export const SiteMenuContext = createContext<ReactNode>(null);

/** The site menu to place in a page's own compact bar; null outside the app's layout. */
export function useSiteMenu(): ReactNode {
  return use(SiteMenuContext);
}
