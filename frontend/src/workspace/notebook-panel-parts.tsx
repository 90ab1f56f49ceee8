import type { RefObject } from 'react';
import { Alert } from '../components/alert';
import { Dialog } from '../components/dialog';
import { Spinner } from '../components/spinner';
import { PythonNotice } from './python-notice';
import type { PythonState } from './python-state';
import type { Notice, NotebookDialog } from './use-notebook-actions';
import type { Phase } from './use-notebook-frame';

interface NotebookToolbarProps {
  phase: Phase;
  kernel: PythonState['kernel'];
  notice: Notice | null;
  canReset: boolean;
  onReset: () => void;
}

/** The kernel's state, the note after an action, and "Reset to original". */
export function NotebookToolbar({
  phase,
  kernel,
  notice,
  canReset,
  onReset,
}: NotebookToolbarProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-1.5">
      <KernelChip phase={phase} kernel={kernel} />
      <p role="status" className="min-w-0 flex-1 truncate text-xs text-slate-600">
        {notice?.tone === 'done' ? notice.text : ''}
      </p>
      <button
        type="button"
        onClick={onReset}
        disabled={!canReset}
        className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:text-slate-400"
      >
        Reset to original
      </button>
    </div>
  );
}

interface NotebookProblemsProps {
  python: PythonState;
  onRetryPython?: () => void;
  notice: Notice | null;
  phase: Phase;
  onLoadAgain: () => void;
}

/** Python that cannot start, an action that failed, a notebook that did not open. */
export function NotebookProblems({
  python,
  onRetryPython,
  notice,
  phase,
  onLoadAgain,
}: NotebookProblemsProps) {
  return (
    <>
      <PythonNotice state={python} onRetry={onRetryPython} />
      {notice?.tone === 'error' && (
        <div className="px-3 pt-2">
          <Alert tone="error">{notice.text}</Alert>
        </div>
      )}
      {phase.kind === 'failed' && (
        <div className="flex flex-col items-start gap-2 px-3 pt-2">
          <Alert tone="error" title="The notebook is not available">
            {phase.message}
          </Alert>
          <button
            type="button"
            onClick={onLoadAgain}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
          >
            Load the notebook again
          </button>
        </div>
      )}
    </>
  );
}

interface NotebookFrameProps {
  iframeRef: RefObject<HTMLIFrameElement | null>;
  title: string;
  loading: boolean;
}

/** JupyterLite's frame, covered by a spinner while it loads. */
export function NotebookFrame({ iframeRef, title, loading }: NotebookFrameProps) {
  return (
    <div className="relative min-h-0 flex-1">
      <iframe
        ref={iframeRef}
        title={`Notebook: ${title}`}
        className="absolute inset-0 size-full border-0"
      />
      {loading && (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-white/90">
          <Spinner label="Loading the notebook" className="size-8" />
          <p className="text-sm text-slate-600">Loading the notebook…</p>
        </div>
      )}
    </div>
  );
}

interface NotebookDialogsProps {
  dialog: NotebookDialog;
  pending: boolean;
  onCancel: () => void;
  onReset: () => void;
  onChoose: (keepMine: boolean) => void;
}

/** The open dialog, if any: confirming a reset, or choosing after a save conflict. */
export function NotebookDialogs({
  dialog,
  pending,
  onCancel,
  onReset,
  onChoose,
}: NotebookDialogsProps) {
  return (
    <>
      {dialog === 'reset' && (
        <ResetDialog pending={pending} onCancel={onCancel} onReset={onReset} />
      )}
      {dialog === 'conflict' && <ConflictDialog pending={pending} onChoose={onChoose} />}
    </>
  );
}

interface ResetDialogProps {
  pending: boolean;
  onCancel: () => void;
  onReset: () => void;
}

function ResetDialog({ pending, onCancel, onReset }: ResetDialogProps) {
  return (
    <Dialog
      title="Reset to the original notebook?"
      pending={pending}
      onCancel={onCancel}
      actions={[
        { label: 'Cancel', onClick: onCancel },
        { label: 'Reset notebook', variant: 'danger', onClick: onReset },
      ]}
    >
      Your changes to this notebook will be replaced by the module&apos;s starting notebook. This
      cannot be undone.
    </Dialog>
  );
}

interface ConflictDialogProps {
  pending: boolean;
  onChoose: (keepMine: boolean) => void;
}

function ConflictDialog({ pending, onChoose }: ConflictDialogProps) {
  return (
    <Dialog
      title="This notebook was changed elsewhere"
      pending={pending}
      actions={[
        { label: 'Load the newer version', onClick: () => onChoose(false) },
        {
          label: 'Keep mine and overwrite',
          variant: 'danger',
          onClick: () => onChoose(true),
        },
      ]}
    >
      A newer version of this notebook was saved in another tab or window. Autosave is paused until
      you choose: load the newer version (your changes here are discarded), or keep this version and
      overwrite the newer one.
    </Dialog>
  );
}

function KernelChip({ phase, kernel }: { phase: Phase; kernel: PythonState['kernel'] }) {
  let text: string;
  if (phase.kind === 'loading') text = 'Loading JupyterLite…';
  else if (phase.kind === 'failed') text = 'Notebook unavailable';
  else if (kernel.status === 'idle') text = 'Python ready';
  else if (kernel.status === 'busy') text = 'Running…';
  else if (kernel.status === 'dead') text = 'Python unavailable';
  else text = 'Starting Python…';
  return (
    <p className="text-xs font-medium text-slate-600" data-testid="kernel-state">
      {text}
    </p>
  );
}
