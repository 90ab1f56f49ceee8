import type { PythonState } from './python-state';

interface PythonNoticeProps {
  state: PythonState;
  /** Starts Python again; absent while the notebook cannot take the request. */
  onRetry?: () => void;
}

/**
 * The one notice shown while Python is down: what happened, what still works, a way to try again,
 * and the technical reason behind "Details". A cell run meanwhile is told it cannot run.
 */
export function PythonNotice({ state, onRetry }: PythonNoticeProps) {
  const { down, retrying, refused } = state;
  if (!down) return null;
  return (
    <div
      data-testid="python-notice"
      className="flex flex-wrap items-start gap-x-4 gap-y-1 border-b border-amber-200 border-l-4 border-l-amber-400 bg-amber-50 px-3 py-2 text-sm text-slate-800"
    >
      <div className="min-w-0 flex-1 basis-72">
        <p role="status">
          <strong className="font-semibold text-slate-900">
            {retrying
              ? 'Starting Python again…'
              : 'Python could not start, so code cells can’t run.'}
          </strong>{' '}
          {!retrying && (down.message ?? 'Python stopped.')}
        </p>
        <p className="text-slate-700">
          You can keep editing: your work is still saved, and the tutor can still help.
        </p>
        <p role="status" className="font-medium text-amber-900">
          {refused && !retrying && (
            <span key={refused.count} data-testid="python-refused-run" data-count={refused.count}>
              Python is not running, so this cell can’t run now.
            </span>
          )}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap items-start gap-2">
        {onRetry && (
          <button
            type="button"
            onClick={onRetry}
            disabled={retrying}
            className="rounded-md border border-amber-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-amber-100 disabled:text-slate-500"
          >
            {retrying ? 'Trying…' : 'Try again'}
          </button>
        )}
        {down.detail && (
          <details className="group max-w-full">
            <summary className="cursor-pointer rounded-md px-2 py-1 text-sm text-slate-700 underline-offset-2 hover:underline">
              Details
            </summary>
            <pre className="mt-1 max-w-md text-xs break-all whitespace-pre-wrap text-slate-700">
              {down.detail}
            </pre>
          </details>
        )}
      </div>
    </div>
  );
}
