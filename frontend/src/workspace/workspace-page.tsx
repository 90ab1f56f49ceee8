import type { ModuleOut } from '@tutor/shared/learning-modules';
import type { ProgressOut, ProgressStatus } from '@tutor/shared/progress';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { getModule } from '../api/modules/get-module';
import { getProgress } from '../api/progress/get-progress';
import { updateProgress } from '../api/progress/update-progress';
import { useAuth } from '../auth/auth-context';
import { Alert } from '../components/alert';
import { Spinner } from '../components/spinner';
import type { NotebookBridge } from './notebookBridge';
import type { SaveState } from './notebook-saver';
import { NotebookPanel } from './notebook-panel';
import { SaveIndicator } from './save-indicator';
import { WorkspaceSplit } from './workspace-split';
import { useFillViewport } from '../lib/use-fill-viewport';

// The tutor brings markdown, KaTeX and highlighting: loaded beside the notebook, not before it.
const TutorPanel = lazy(() => import('./tutor-panel').then((m) => ({ default: m.TutorPanel })));

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; module: ModuleOut; progress: ProgressOut };

/** `/workspace/:moduleId`: the module's notebook and the tutor side by side. */
export function WorkspacePage() {
  const { moduleId = '' } = useParams();
  // Another module is another workspace: nothing carries over.
  return <Workspace key={moduleId} moduleId={moduleId} />;
}

function Workspace({ moduleId }: { moduleId: string }) {
  const { user } = useAuth();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [status, setStatus] = useState<ProgressStatus>('not_started');
  const [completing, setCompleting] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  const [bridge, setBridge] = useState<NotebookBridge | null>(null);
  const [pageRef, pageHeight] = useFillViewport();

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([getModule(moduleId, controller.signal), getProgress(moduleId, controller.signal)])
      .then(async ([module, progress]) => {
        setLoaded({ kind: 'loaded', module, progress });
        setStatus(progress.status);
        // The first open of a module starts it.
        if (progress.status === 'not_started') {
          const out = await updateProgress(moduleId, { status: 'in_progress' });
          if (!controller.signal.aborted) setStatus(out.status);
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          error instanceof ApiError && (error.status === 404 || error.status === 422)
            ? 'This module does not exist.'
            : error instanceof Error
              ? error.message
              : 'The module could not be loaded.';
        setLoaded((current) => (current.kind === 'loaded' ? current : { kind: 'error', message }));
      });
    return () => controller.abort();
  }, [moduleId]);

  const handleComplete = useCallback(async () => {
    setCompleting(true);
    setStatusError(null);
    try {
      const out = await updateProgress(moduleId, { status: 'completed' });
      setStatus(out.status);
    } catch (error) {
      setStatusError(error instanceof Error ? error.message : 'That did not work.');
    } finally {
      setCompleting(false);
    }
  }, [moduleId]);

  if (loaded.kind !== 'loaded') {
    return (
      <div className="mx-auto w-full max-w-3xl px-4 py-10">
        <title>Workspace · Numerical Tutor</title>
        {loaded.kind === 'loading' ? (
          <div className="flex justify-center py-12">
            <Spinner label="Loading the module" />
          </div>
        ) : (
          <div className="flex flex-col items-start gap-3">
            <Alert tone="error" title="The workspace could not be opened">
              {loaded.message}
            </Alert>
            <Link to="/modules" className="text-sm font-medium text-brand-800 underline">
              Back to the modules
            </Link>
          </div>
        )}
      </div>
    );
  }

  const { module, progress } = loaded;
  return (
    <div
      ref={pageRef}
      style={{ height: pageHeight }}
      className="flex min-h-[24rem] w-full flex-col"
    >
      <title>{`${module.title} · Numerical Tutor`}</title>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white px-4 py-2">
        <Link to="/modules" className="text-sm text-slate-600 hover:text-slate-900">
          ← Modules
        </Link>
        <h1 className="min-w-0 flex-1 truncate text-lg font-semibold text-slate-900">
          {module.title}
        </h1>
        <SaveIndicator state={saveState} />
        {statusError && (
          <p role="alert" className="text-sm text-red-800">
            {statusError}
          </p>
        )}
        {status === 'completed' ? (
          <p className="rounded-md bg-emerald-50 px-3 py-1.5 text-sm font-medium text-emerald-900">
            Completed ✓
          </p>
        ) : (
          <button
            type="button"
            onClick={() => void handleComplete()}
            disabled={completing}
            className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            Mark as completed
          </button>
        )}
      </header>
      <WorkspaceSplit
        userId={user?.id}
        notebook={
          <NotebookPanel
            module={module}
            progress={progress}
            onBridge={setBridge}
            onSaveState={setSaveState}
          />
        }
        tutor={
          <Suspense
            fallback={
              <div className="flex flex-1 items-center justify-center">
                <Spinner label="Loading the tutor" />
              </div>
            }
          >
            <TutorPanel moduleId={module.id} moduleTitle={module.title} bridge={bridge} />
          </Suspense>
        }
      />
    </div>
  );
}
