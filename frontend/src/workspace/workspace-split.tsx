import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import Split from 'react-split';
import {
  MIN_PANE_PX,
  clampPercent,
  loadSplitPercent,
  percentBounds,
  saveSplitPercent,
} from './split-ratio';
import type { WorkspaceTab } from './workspace-tabs';

const GUTTER_PX = 10;
const KEY_STEP_PERCENT = 5;

interface WorkspaceSplitProps {
  /** Whose split to remember (the page renders only once the user is known). */
  userId: string | undefined;
  /**
   * Small screens (the compact layout, below 700 px, where two 300 px panes and the divider
   * hardly fit): one pane at a time, the one `tab` names; the tabs are in the page's bar.
   */
  narrow: boolean;
  tab: WorkspaceTab;
  notebook: ReactNode;
  tutor: ReactNode;
}

const gutterClass =
  'workspace-gutter group relative flex shrink-0 cursor-col-resize items-center justify-center bg-slate-200 hover:bg-brand-200 focus-visible:bg-brand-300 focus-visible:outline-2 focus-visible:outline-brand-700';

/**
 * The notebook and the tutor side by side (react-split, 60/40 by default, neither pane below
 * 300 px). The divider is a focusable separator: drag it, or use the arrow keys, Home and End. The
 * ratio is remembered per user. On narrow screens the panes become two tabs (WorkspaceTabs); both
 * stay mounted so the notebook iframe is never reloaded (its content lives in memory until saved).
 */
export function WorkspaceSplit({ userId, narrow, tab, notebook, tutor }: WorkspaceSplitProps) {
  const [percent, setPercent] = useState(() => loadSplitPercent(userId));
  const [dragging, setDragging] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const gutterRef = useRef<HTMLElement | null>(null);
  const percentRef = useRef(percent);
  const keyHandlerRef = useRef<(event: KeyboardEvent) => void>(() => undefined);

  const bounds = useCallback(
    () => percentBounds(containerRef.current?.clientWidth ?? 0, GUTTER_PX),
    [],
  );

  const describeGutter = useCallback(
    (value: number) => {
      const gutter = gutterRef.current;
      if (!gutter) return;
      const { min, max } = bounds();
      gutter.setAttribute('aria-valuenow', String(Math.round(value)));
      gutter.setAttribute('aria-valuemin', String(Math.ceil(min)));
      gutter.setAttribute('aria-valuemax', String(Math.floor(max)));
      gutter.setAttribute(
        'aria-valuetext',
        `Notebook ${Math.round(value)}%, tutor ${Math.round(100 - value)}%`,
      );
    },
    [bounds],
  );

  const commit = useCallback(
    (value: number) => {
      percentRef.current = value;
      setPercent(value);
      saveSplitPercent(userId, value);
      describeGutter(value);
    },
    [describeGutter, userId],
  );

  useEffect(() => {
    keyHandlerRef.current = (event: KeyboardEvent) => {
      const range = bounds();
      const current = percentRef.current;
      let next: number | null = null;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = current - KEY_STEP_PERCENT;
      else if (event.key === 'ArrowRight' || event.key === 'ArrowUp')
        next = current + KEY_STEP_PERCENT;
      else if (event.key === 'Home') next = range.min;
      else if (event.key === 'End') next = range.max;
      if (next === null) return;
      event.preventDefault();
      commit(clampPercent(next, range));
    };
  }, [bounds, commit]);

  useLayoutEffect(() => {
    describeGutter(percent);
    const handleResize = () => describeGutter(percentRef.current);
    window.addEventListener('resize', handleResize);
    return () => window.removeEventListener('resize', handleResize);
  }, [describeGutter, percent]);

  const createGutter = useCallback(() => {
    const gutter = document.createElement('div');
    gutter.className = gutterClass;
    gutter.tabIndex = 0;
    gutter.setAttribute('role', 'separator');
    gutter.setAttribute('aria-orientation', 'vertical');
    gutter.setAttribute('aria-controls', 'workspace-notebook-pane');
    gutter.setAttribute('aria-label', 'Resize the notebook and tutor panes');
    gutter.title = 'Drag, or focus and use the arrow keys, to resize';
    // The visible grip.
    gutter.innerHTML =
      '<span aria-hidden="true" class="h-10 w-1 rounded-full bg-slate-400 group-hover:bg-brand-700 group-focus-visible:bg-brand-800"></span>';
    gutter.addEventListener('keydown', (event) => keyHandlerRef.current(event));
    gutterRef.current = gutter;
    return gutter;
  }, []);

  const paneClass = (which: WorkspaceTab) =>
    narrow ? (tab === which ? 'w-full! min-w-0' : 'hidden') : 'min-w-0';

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        ref={containerRef}
        className={`flex min-h-0 flex-1 ${dragging ? '[&_iframe]:pointer-events-none select-none' : ''}`}
      >
        <Split
          className={`flex min-h-0 w-full ${narrow ? '[&>.workspace-gutter]:hidden' : ''}`}
          sizes={[percent, 100 - percent]}
          minSize={MIN_PANE_PX}
          gutterSize={GUTTER_PX}
          snapOffset={0}
          gutter={createGutter}
          onDragStart={() => setDragging(true)}
          onDrag={(sizes) => describeGutter(sizes[0] ?? percentRef.current)}
          onDragEnd={(sizes) => {
            setDragging(false);
            commit(sizes[0] ?? percentRef.current);
          }}
        >
          <div
            id="workspace-notebook-pane"
            data-testid="notebook-pane"
            role={narrow ? 'tabpanel' : undefined}
            aria-labelledby={narrow ? 'workspace-tab-notebook' : undefined}
            className={`flex min-h-0 flex-col ${paneClass('notebook')}`}
          >
            {notebook}
          </div>
          <div
            id="workspace-tutor-pane"
            data-testid="tutor-pane"
            role={narrow ? 'tabpanel' : undefined}
            aria-labelledby={narrow ? 'workspace-tab-tutor' : undefined}
            className={`flex min-h-0 flex-col ${paneClass('tutor')}`}
          >
            {tutor}
          </div>
        </Split>
      </div>
    </div>
  );
}
