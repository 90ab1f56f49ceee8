import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { Alert } from '../components/alert';
import { useModulePolicy } from '../courses/use-policy';
import { Spinner } from '../components/spinner';
import type { NotebookBridge } from './notebook-bridge';
import type { SaveState } from './notebook-saver';
import { NotebookPanel } from './notebook-panel';
import { useCompletion } from './use-completion';
import { useExerciseProgress } from './use-exercise-progress';
import { useWorkspaceData } from './use-workspace-data';
import { CompactBar, WorkspaceHeader } from './workspace-header';
import { WorkspaceSplit } from './workspace-split';
import type { WorkspaceTab } from './workspace-tabs';
import { useCompactLayout } from '../lib/compact-layout';
import { useFillViewport } from '../lib/use-fill-viewport';

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

/**
 * The tutor (its code, markdown, KaTeX and socket) starts once the notebook is open, or after
 * TUTOR_START_DELAY_MS at the latest: the notebook's start shares this page's main thread, and
 * the notebook is what the student looks at first.
 */
function useTutorStart(layoutShown: boolean, notebookOpen: boolean): boolean {
  const [tutorMounted, setTutorMounted] = useState(false);
  useEffect(() => {
    if (!layoutShown) return;
    const timer = setTimeout(() => setTutorMounted(true), notebookOpen ? 0 : TUTOR_START_DELAY_MS);
    return () => clearTimeout(timer);
  }, [layoutShown, notebookOpen]);
  return tutorMounted;
}

/** The tutor once it may start (see useTutorStart), a spinner until then. */
function TutorSlot({ mounted, children }: { mounted: boolean; children: ReactNode }) {
  return <Suspense fallback={tutorLoading}>{mounted ? children : tutorLoading}</Suspense>;
}

function Workspace({ moduleId }: { moduleId: string }) {
  const { user } = useAuth();
  const data = useWorkspaceData(moduleId);
  const { module, progress, loadError } = data;
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  const [bridge, setBridge] = useState<NotebookBridge | null>(null);
  const exercises = useExerciseProgress(moduleId, bridge);
  const policy = useModulePolicy(moduleId);
  const completion = useCompletion(data, exercises);
  const [pageRef, pageHeight] = useFillViewport();
  // Small screens: one bar (site menu, title, tabs) and one pane at a time.
  const compact = useCompactLayout();
  const [tab, setTab] = useState<WorkspaceTab>('notebook');
  const tutorMounted = useTutorStart(module !== null && loadError === null, bridge !== null);

  if (loadError || !module) return <WorkspaceUnavailable compact={compact} loadError={loadError} />;

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
        completion={completion.control}
        statusError={data.statusError}
        tab={tab}
        onTabChange={setTab}
      />
      {completion.callout}
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
          <TutorSlot mounted={tutorMounted}>
            <TutorPanel
              moduleId={module.id}
              moduleTitle={module.title}
              bridge={bridge}
              exercises={exercises}
              policy={policy}
            />
          </TutorSlot>
        }
      />
    </div>
  );
}

/** The module is loading, or the workspace cannot open (with the way back to the modules). */
function WorkspaceUnavailable({
  compact,
  loadError,
}: {
  compact: boolean;
  loadError: string | null;
}) {
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
