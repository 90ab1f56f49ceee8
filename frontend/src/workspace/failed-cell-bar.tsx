interface FailedCellBarProps {
  /** The error in one line. */
  summary: string;
  /** The tutor can take a question now (connected, not answering). */
  canAsk: boolean;
  onAsk: () => void;
  onDismiss: () => void;
}

/** "A cell failed: …" above the tutor, with "Ask the tutor about this error". */
export function FailedCellBar({ summary, canAsk, onAsk, onDismiss }: FailedCellBarProps) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      <span className="min-w-0 flex-1 truncate" title={summary}>
        A cell failed: {summary}
      </span>
      <button
        type="button"
        onClick={onAsk}
        disabled={!canAsk}
        className="rounded-md bg-amber-700 px-3 py-1 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-60"
      >
        Ask the tutor about this error
      </button>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="rounded px-2 py-1 hover:bg-amber-100"
      >
        ×
      </button>
    </div>
  );
}
