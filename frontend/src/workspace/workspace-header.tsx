import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSiteMenu } from '../lib/site-menu';
import { CompletionControl, type CompletionControlProps } from './completion-control';
import type { SaveState } from './notebook-saver';
import { SaveIndicator } from './save-indicator';
import { WorkspaceTabs, type WorkspaceTab } from './workspace-tabs';

interface WorkspaceHeaderProps {
  /** Small screens: one compact bar (site menu, title, tabs) instead of the navbar and a header. */
  compact: boolean;
  title: string;
  saveState: SaveState | null;
  /** "Mark as completed", or "Reopen" for a completed module. */
  completion: CompletionControlProps;
  statusError: string | null;
  tab: WorkspaceTab;
  onTabChange: (tab: WorkspaceTab) => void;
}

/**
 * The workspace's header: back to the modules, the module's title, the save state and "Mark as
 * completed" (or "Reopen"). In the compact layout it is the page's only bar, and also holds the site menu and
 * the notebook/tutor tabs; the title wraps rather than being cut.
 */
export function WorkspaceHeader(props: WorkspaceHeaderProps) {
  const { compact, title, saveState, statusError } = props;
  if (compact) {
    return (
      <CompactBar>
        <div className="flex items-center gap-2">
          <h1 className="min-w-0 flex-1 text-[0.9375rem] leading-5 font-semibold text-pretty break-words text-slate-900">
            {title}
          </h1>
          <WorkspaceTabs tab={props.tab} onChange={props.onTabChange} />
        </div>
        <div className="mt-1 flex min-h-7 flex-wrap items-center gap-x-3 gap-y-1 text-xs">
          <Link to="/modules" className="text-slate-600 hover:text-slate-900">
            ← Modules
          </Link>
          <SaveIndicator state={saveState} size="small" />
          <div className="ml-auto">
            <CompletionControl {...props.completion} small />
          </div>
        </div>
        {statusError && <StatusError message={statusError} />}
      </CompactBar>
    );
  }
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
      <Link to="/modules" className="text-sm text-slate-600 hover:text-slate-900">
        ← Modules
      </Link>
      <h1 className="min-w-0 flex-1 truncate text-lg font-semibold text-slate-900">{title}</h1>
      <SaveIndicator state={saveState} />
      {statusError && <StatusError message={statusError} />}
      <CompletionControl {...props.completion} />
    </header>
  );
}

/**
 * The compact layout's bar: the site menu, then the page's own content. The workspace shows it
 * while the module loads too, so the navigation is never out of reach.
 */
export function CompactBar({ children }: { children: ReactNode }) {
  const siteMenu = useSiteMenu();
  return (
    <header className="flex items-start gap-1 border-b border-slate-200 bg-white py-1.5 pr-2 pl-1">
      {siteMenu}
      <div className="min-w-0 flex-1 pt-0.5">{children}</div>
    </header>
  );
}

function StatusError({ message }: { message: string }) {
  return (
    <p role="alert" className="text-sm text-red-800">
      {message}
    </p>
  );
}
