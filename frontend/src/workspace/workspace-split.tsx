import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
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

type Bounds = { min: number; max: number };

/** Tells assistive technology the separator's value, its range and what the value means. */
function describeGutterElement(gutter: HTMLElement, value: number, { min, max }: Bounds): void {
  gutter.setAttribute('aria-valuenow', String(Math.round(value)));
  gutter.setAttribute('aria-valuemin', String(Math.ceil(min)));
  gutter.setAttribute('aria-valuemax', String(Math.floor(max)));
  gutter.setAttribute(
    'aria-valuetext',
    `Notebook ${Math.round(value)}%, tutor ${Math.round(100 - value)}%`,
  );
}

/** Where a key moves the divider (before clamping), or null for a key that does not move it. */
function percentForKey(key: string, current: number, range: Bounds): number | null {
  if (key === 'ArrowLeft' || key === 'ArrowDown') return current - KEY_STEP_PERCENT;
  if (key === 'ArrowRight' || key === 'ArrowUp') return current + KEY_STEP_PERCENT;
  if (key === 'Home') return range.min;
  if (key === 'End') return range.max;
  return null;
}

/** The divider react-split inserts: a focusable separator with a visible grip. */
function createGutterElement(onKeyDown: (event: KeyboardEvent) => void): HTMLElement {
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
  gutter.addEventListener('keydown', onKeyDown);
  return gutter;
}

/** The divider's keys: arrows move it by a step, Home and End to either end. */
function useGutterKeys(
  bounds: () => Bounds,
  percentRef: RefObject<number>,
  commit: (value: number) => void,
) {
  const keyHandlerRef = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keyHandlerRef.current = (event: KeyboardEvent) => {
      const range = bounds();
      const next = percentForKey(event.key, percentRef.current, range);
      if (next === null) return;
      event.preventDefault();
      commit(clampPercent(next, range));
    };
  }, [bounds, percentRef, commit]);
  return keyHandlerRef;
}

/**
 * The notebook's share of the width: remembered per user, described on the divider (also when
 * the window is resized, which moves its range), and moved by dragging or by the divider's keys.
 */
function useSplitRatio(userId: string | undefined) {
  const [percent, setPercent] = useState(() => loadSplitPercent(userId));
  const containerRef = useRef<HTMLDivElement>(null);
  const gutterRef = useRef<HTMLElement | null>(null);
  const percentRef = useRef(percent);

  const bounds = useCallback(
    () => percentBounds(containerRef.current?.clientWidth ?? 0, GUTTER_PX),
    [],
  );

  const describeGutter = useCallback(
    (value: number) => {
      if (gutterRef.current) describeGutterElement(gutterRef.current, value, bounds());
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

  const keyHandlerRef = useGutterKeys(bounds, percentRef, commit);

  useLayoutEffect(() => {
    describeGutter(percent);
    const handleResize = () => describeGutter(percentRef.current);
    window.addEventListener('resize', handleResize);
    return () => window.removeEventListener('resize', handleResize);
  }, [describeGutter, percent]);

  const createGutter = useCallback(() => {
    gutterRef.current = createGutterElement((event) => keyHandlerRef.current(event));
    return gutterRef.current;
  }, [keyHandlerRef]);

  return { percent, percentRef, containerRef, describeGutter, commit, createGutter };
}

interface SplitPaneProps {
  which: WorkspaceTab;
  narrow: boolean;
  tab: WorkspaceTab;
  children: ReactNode;
}

/**
 * One pane (ids workspace-notebook-pane / workspace-tutor-pane): on narrow screens a tab panel,
 * shown only while its tab is selected.
 */
function SplitPane({ which, narrow, tab, children }: SplitPaneProps) {
  const shown = narrow ? (tab === which ? 'w-full! min-w-0' : 'hidden') : 'min-w-0';
  return (
    <div
      id={`workspace-${which}-pane`}
      data-testid={`${which}-pane`}
      role={narrow ? 'tabpanel' : undefined}
      aria-labelledby={narrow ? `workspace-tab-${which}` : undefined}
      className={`flex min-h-0 flex-col ${shown}`}
    >
      {children}
    </div>
  );
}

/**
 * The notebook and the tutor side by side (react-split, 60/40 by default, neither pane below
 * 300 px). The divider is a focusable separator: drag it, or use the arrow keys, Home and End. The
 * ratio is remembered per user. On narrow screens the panes become two tabs (WorkspaceTabs); both
 * stay mounted so the notebook iframe is never reloaded (its content lives in memory until saved).
 */
export function WorkspaceSplit({ userId, narrow, tab, notebook, tutor }: WorkspaceSplitProps) {
  const [dragging, setDragging] = useState(false);
  const { percent, percentRef, containerRef, describeGutter, commit, createGutter } =
    useSplitRatio(userId);

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
          <SplitPane which="notebook" narrow={narrow} tab={tab}>
            {notebook}
          </SplitPane>
          <SplitPane which="tutor" narrow={narrow} tab={tab}>
            {tutor}
          </SplitPane>
        </Split>
      </div>
    </div>
  );
}
