import { Outlet, useMatches } from 'react-router';
import { useCompactLayout } from '../lib/compact-layout';
import { SiteMenuContext, type PageHandle } from '../lib/site-menu';
import { Navbar } from './navbar';
import { SiteMenu } from './site-menu';

const siteMenu = <SiteMenu align="left" />;

/**
 * Every page: a skip link, the navbar, then the page in <main>. On small screens a page whose
 * route says it `ownsCompactBar` (the workspace) draws one bar of its own with the site menu in it,
 * instead of the navbar above it.
 */
export function Layout() {
  const compact = useCompactLayout();
  const ownsBar = useMatches().some(
    (match) => (match.handle as PageHandle | undefined)?.ownsCompactBar,
  );
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        Skip to content
      </a>
      {!(compact && ownsBar) && <Navbar />}
      <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
        <SiteMenuContext value={siteMenu}>
          <Outlet />
        </SiteMenuContext>
      </main>
    </div>
  );
}
