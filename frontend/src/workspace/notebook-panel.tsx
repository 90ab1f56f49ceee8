import type { ModuleOut } from '@tutor/shared/learning-modules';
import type { ProgressOut } from '@tutor/shared/progress';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { labUrl } from './lab-urls';
import type { NotebookBridge } from './notebook-bridge';
import {
  NotebookDialogs,
  NotebookFrame,
  NotebookProblems,
  NotebookToolbar,
} from './notebook-panel-parts';
import type { SaveState } from './notebook-saver';
import { initialPythonState, pythonReducer } from './python-state';
import { useAutosave } from './use-autosave';
import { useNotebookActions, type NotebookDialog } from './use-notebook-actions';
import { useNotebookFrame, type Phase } from './use-notebook-frame';
import { useNotebookRestore } from './use-notebook-restore';

export { labUrl, originalNotebookUrl } from './lab-urls';

interface NotebookPanelProps {
  module: ModuleOut;
  /**
   * The progress read when the workspace opened (its notebook_state is restored); null while it
   * loads: the frame opens meanwhile, and the notebook is restored once both are there.
   */
  progress: ProgressOut | null;
  /** The bridge once the notebook is open and restored (null before and after). */
  onBridge: (bridge: NotebookBridge | null) => void;
  onSaveState: (state: SaveState) => void;
}

/** The panel's state: the frame's phase, its bridges, Python, the open dialog, load attempts. */
function useNotebookPanelState(onBridge: NotebookPanelProps['onBridge']) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [bridge, setBridge] = useState<NotebookBridge | null>(null);
  /** The frame's bridge once the notebook is open there, before it is restored. */
  const [opened, setOpened] = useState<NotebookBridge | null>(null);
  const [python, dispatchPython] = useReducer(pythonReducer, initialPythonState);
  const [dialog, setDialog] = useState<NotebookDialog>(null);
  const [attempt, setAttempt] = useState(0);
  const onBridgeRef = useRef(onBridge);
  useEffect(() => {
    onBridgeRef.current = onBridge;
  });
  return {
    phase,
    setPhase,
    bridge,
    setBridge,
    opened,
    setOpened,
    python,
    dispatchPython,
    dialog,
    setDialog,
    attempt,
    setAttempt,
    onBridgeRef,
  };
}

/** Autosaves the restored notebook; a save conflict opens the conflict dialog. */
function useNotebookAutosave(
  moduleId: string,
  bridge: NotebookBridge | null,
  progress: ProgressOut | null,
  onSaveState: NotebookPanelProps['onSaveState'],
  setDialog: (dialog: NotebookDialog) => void,
) {
  const handleSaveState = useCallback(
    (state: SaveState) => {
      if (state.kind === 'conflict') setDialog('conflict');
      onSaveState(state);
    },
    [onSaveState, setDialog],
  );

  return useAutosave({
    moduleId,
    bridge,
    version: progress?.version ?? 0,
    onStateChange: handleSaveState,
  });
}

/**
 * The notebook: JupyterLite in an iframe driven through the bridge. Restores the saved notebook
 * once the frame is ready (and returns to the cell the student was at), then autosaves (see
 * useAutosave). Shows a loading state while JupyterLite loads and one calm notice when Python
 * cannot start (editing, saving and the tutor go on).
 */
export function NotebookPanel({ module, progress, onBridge, onSaveState }: NotebookPanelProps) {
  const { user } = useAuth();
  const userId = user?.id ?? null;
  const iframeRef = useRef<HTMLIFrameElement>(null);
  const panel = useNotebookPanelState(onBridge);
  const { phase, setPhase, bridge, setBridge, opened, setOpened, python, dispatchPython } = panel;
  const { dialog, setDialog, setAttempt, onBridgeRef } = panel;

  const src = labUrl(module.notebook_filename, window.location.search);

  const saverRef = useNotebookAutosave(module.id, bridge, progress, onSaveState, setDialog);

  useNotebookFrame(iframeRef, src, panel.attempt, onBridgeRef, {
    setPhase,
    dispatchPython,
    setOpened,
    setBridge,
  });
  useNotebookRestore(opened, progress, userId, module.id, onBridgeRef, { setPhase, setBridge });
  const actions = useNotebookActions({
    moduleId: module.id,
    notebookFilename: module.notebook_filename,
    bridge,
    opened,
    saverRef,
    dispatchPython,
    setDialog,
  });

  return (
    <section aria-label="Notebook" className="flex min-h-0 flex-1 flex-col bg-white">
      <NotebookToolbar
        phase={phase}
        kernel={python.kernel}
        notice={actions.notice}
        canReset={bridge !== null}
        onReset={() => setDialog('reset')}
      />
      <NotebookProblems
        python={python}
        onRetryPython={opened ? actions.handleRetryPython : undefined}
        notice={actions.notice}
        phase={phase}
        onLoadAgain={() => setAttempt((n) => n + 1)}
      />
      <NotebookFrame
        iframeRef={iframeRef}
        title={module.title}
        loading={phase.kind === 'loading'}
      />
      <NotebookDialogs
        dialog={dialog}
        pending={actions.pending}
        onCancel={() => setDialog(null)}
        onReset={() => void actions.handleReset()}
        onChoose={(keepMine) => void actions.handleConflict(keepMine)}
      />
    </section>
  );
}
