import { useEffect, useState } from 'react';
import type { SaveState } from './notebook-saver';

/** The text the header shows for a save state. */
export function saveStateText(state: SaveState, now: number): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return `Not saved – retrying in ${Math.max(1, Math.ceil((state.retryAt - now) / 1000))}s`;
    case 'failed':
      return `Not saved – ${state.message}`;
    case 'conflict':
      return 'Conflict';
  }
}

const tones: Record<SaveState['kind'], string> = {
  saved: 'text-emerald-800',
  unsaved: 'text-slate-700',
  saving: 'text-slate-700',
  retrying: 'text-red-800',
  failed: 'text-red-800',
  conflict: 'text-red-800',
};

/** "Saved", "Saving…", "Unsaved changes", "Not saved – retrying in Ns", "Conflict". */
export function SaveIndicator({
  state,
  size = 'normal',
}: {
  state: SaveState | null;
  /** Small in the compact layout's bar. */
  size?: 'normal' | 'small';
}) {
  const [now, setNow] = useState(() => Date.now());
  const retrying = state?.kind === 'retrying';
  useEffect(() => {
    if (!retrying) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [retrying, state]);

  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-state"
      data-state={state?.kind ?? 'loading'}
      className={`${size === 'small' ? 'text-xs' : 'text-sm'} font-medium ${state ? tones[state.kind] : 'text-slate-500'}`}
    >
      {state ? saveStateText(state, now) : 'Loading…'}
    </p>
  );
}
