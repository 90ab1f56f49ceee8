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
import type { NotebookBridge } from './notebook-bridge';
import type { SaveState } from './notebook-saver';
import { NotebookPanel } from './notebook-panel';
import { CompactBar, WorkspaceHeader } from './workspace-header';
import { WorkspaceSplit } from './workspace-split';
import type { WorkspaceTab } from './workspace-tabs';
import { useCompactLayout } from '../lib/compact-layout';
import { useFillViewport } from '../lib/use-fill-viewport';
import { forgetModule, rememberedModule, rememberModules } from '../modules/module-cache';

// The tutor brings markdown, KaTeX and highlighting: loaded beside the notebook, not before it.
const TutorPanel = lazy(() => import('./tutor-panel').then((m) => ({ default: m.TutorPanel })));

const TUTOR_START_DELAY_MS = 2_500;

const tutorLoading = (
  <div className="flex flex-1 items-center justify-center">
    <Spinner label="Loading the tutor" />
  </div>
);

/** `/workspace/:moduleId`: the module's notebook and the tutor side by side. */
export function WorkspacePage() {
  const { moduleId = '' } = useParams();
  // Another module is another workspace: nothing carries over.
  return <Workspace key={moduleId} moduleId={moduleId} />;
}

function loadErrorMessage(error: unknown): string {
  if (error instanceof ApiError && (error.status === 404 || error.status === 422))
    return 'This module does not exist.';
  return error instanceof Error ? error.message : 'The module could not be loaded.';
}

function Workspace({ moduleId }: { moduleId: string }) {
  const { user } = useAuth();
  // A module seen before opens its notebook frame at once; the server's answer replaces it.
  const [module, setModule] = useState<ModuleOut | null>(() => rememberedModule(moduleId));
  const [progress, setProgress] = useState<ProgressOut | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<ProgressStatus>('not_started');
  const [completing, setCompleting] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  const [bridge, setBridge] = useState<NotebookBridge | null>(null);
  const [pageRef, pageHeight] = useFillViewport();
  // Small screens: one bar (site menu, title, tabs) and one pane at a time.
  const compact = useCompactLayout();
  const [tab, setTab] = useState<WorkspaceTab>('notebook');
  // The tutor (its code, markdown, KaTeX and socket) starts once the notebook is open, or after
  // TUTOR_START_DELAY_MS at the latest: the notebook's start shares this page's main thread, and
  // the notebook is what the student looks at first.
  const [tutorMounted, setTutorMounted] = useState(false);
  const layoutShown = module !== null && loadError === null;
  const notebookOpen = bridge !== null;
  useEffect(() => {
    if (!layoutShown) return;
    const timer = setTimeout(() => setTutorMounted(true), notebookOpen ? 0 : TUTOR_START_DELAY_MS);
    return () => clearTimeout(timer);
  }, [layoutShown, notebookOpen]);

  useEffect(() => {
    const controller = new AbortController();
    const fail = (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 404) forgetModule(moduleId);
      setLoadError((current) => current ?? loadErrorMessage(error));
    };
    getModule(moduleId, controller.signal).then((loaded) => {
      rememberModules([loaded]);
      setModule(loaded);
    }, fail);
    getProgress(moduleId, controller.signal)
      .then(async (loaded) => {
        setProgress(loaded);
        setStatus(loaded.status);
        // The first open of a module starts it.
        if (loaded.status === 'not_started') {
          const out = await updateProgress(moduleId, { status: 'in_progress' });
          if (!controller.signal.aborted) setStatus(out.status);
        }
      })
      .catch(fail);
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

  if (loadError || !module) {
    return (
      <>
        {compact && (
          <CompactBar>
            <p className="pt-2 text-sm font-semibold text-slate-900">Workspace</p>
          </CompactBar>
        )}
        <div className="mx-auto w-full max-w-3xl px-4 py-10">
          <title>Workspace · Numerical Tutor</title>
          {loadError ? (
            <div className="flex flex-col items-start gap-3">
              <Alert tone="error" title="The workspace could not be opened">
                {loadError}
              </Alert>
              <Link to="/modules" className="text-sm font-medium text-brand-800 underline">
                Back to the modules
              </Link>
            </div>
          ) : (
            <div className="flex justify-center py-12">
              <Spinner label="Loading the module" />
            </div>
          )}
        </div>
      </>
    );
  }

  return (
    <div
      ref={pageRef}
      style={{ height: pageHeight }}
      className="flex min-h-[24rem] w-full flex-col"
    >
      <title>{`${module.title} · Numerical Tutor`}</title>
      <WorkspaceHeader
        compact={compact}
        title={module.title}
        saveState={saveState}
        status={status}
        canComplete={progress !== null}
        completing={completing}
        statusError={statusError}
        onComplete={() => void handleComplete()}
        tab={tab}
        onTabChange={setTab}
      />
      <WorkspaceSplit
        userId={user?.id}
        narrow={compact}
        tab={tab}
        notebook={
          <NotebookPanel
            // A module whose notebook file changed since it was remembered opens the new one.
            key={module.notebook_filename}
            module={module}
            progress={progress}
            onBridge={setBridge}
            onSaveState={setSaveState}
          />
        }
        tutor={
          <Suspense fallback={tutorLoading}>
            {tutorMounted ? (
              <TutorPanel moduleId={module.id} moduleTitle={module.title} bridge={bridge} />
            ) : (
              tutorLoading
            )}
          </Suspense>
        }
      />
    </div>
  );
}
