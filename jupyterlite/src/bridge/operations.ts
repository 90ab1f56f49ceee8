/**
 * The bridge operations, run against the open notebook.
 */
import { NotebookActions, type NotebookPanel } from '@jupyterlab/notebook';
import type * as nbformat from '@jupyterlab/nbformat';

import {
  type CurrentCellContext,
  type NotebookBridgeOp,
  type NotebookJSON,
  isKnownOp,
} from '../../../shared/src/notebook-bridge';
import { notebookProblems } from '../../../shared/src/notebook-state';
import { withoutTrustMarkers } from '../../../shared/src/notebook-trust';
import { BridgeError } from './channel';
import type { LastExecution } from './errors';
import { type ExerciseStates, readExerciseStates } from './exercise-badges';
import { notebookFocus } from './focus';

export interface OperationContext {
  /** Resolves with the open notebook once it is loaded (rejects if none opens in time). */
  notebook(): Promise<NotebookPanel>;
  lastExecution: LastExecution;
  /** Runs `change` without reporting it to the parent as a student's edit. */
  silently<T>(change: () => T): T;
  /** Tells the parent what the tutor sees, if that changed. */
  focusChanged(): void;
  /** Shows each exercise's check state on its prompt cell (kept for cells rendered later). */
  showExerciseStates(states: ExerciseStates): void;
}

type Handlers = { [Op in NotebookBridgeOp]: (params: unknown) => Promise<unknown> };

export function createOperations(context: OperationContext): (op: string, params: unknown) => Promise<unknown> {
  const handlers: Handlers = {
    getCurrentCellCode: async () => (await currentCell(context)).code,
    getCurrentCellContext: async () => currentCell(context),
    getErrorOutput: async () => context.lastExecution.error,
    getNotebookState: async () => {
      const panel = await context.notebook();
      // JupyterLab marks every cell it runs trusted; what leaves the lab (to be saved) never is.
      return withoutTrustMarkers(panel.content.model?.toJSON() as unknown as NotebookJSON);
    },
    setNotebookState: async (params) => {
      const state = readState(params);
      const panel = await context.notebook();
      setState(panel, state, context);
      context.focusChanged();
      return null;
    },
    selectCell: async (params) => {
      const index = readIndex(params);
      const panel = await context.notebook();
      const notebook = panel.content;
      if (index >= notebook.widgets.length) {
        throw new BridgeError('no_cell', `There is no cell ${index} (the notebook has ${notebook.widgets.length})`);
      }
      notebook.activeCellIndex = index;
      notebook.deselectAll();
      await notebook.scrollToCell(notebook.widgets[index]!, 'start');
      context.focusChanged();
      return null;
    },
    restartKernel: async () => {
      const panel = await context.notebook();
      // No confirmation dialog: the parent's button is the student's request.
      void panel.sessionContext.restartKernel();
      return null;
    },
    setExerciseStates: async (params) => {
      const states = readExerciseStates(params);
      if (!states) {
        throw new BridgeError('bad_request', 'setExerciseStates needs params.states, {exercise id: "not_tried" | "not_yet" | "passed"}');
      }
      context.showExerciseStates(states);
      return null;
    },
  };
  return async (op, params) => {
    if (!isKnownOp(op)) throw new BridgeError('unknown_op', `Unknown operation: ${op}`);
    return handlers[op](params);
  };
}

async function currentCell(context: OperationContext): Promise<CurrentCellContext> {
  const panel = await context.notebook();
  const notebook = panel.content;
  const focus = notebookFocus(notebook, context.lastExecution);
  return { ...focus, code: notebook.activeCell?.model.sharedModel.getSource() ?? '' };
}

function readIndex(params: unknown): number {
  const index =
    typeof params === 'object' && params !== null ? (params as { index?: unknown }).index : undefined;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
    throw new BridgeError('bad_request', 'selectCell needs params.index, a cell index (0 or more)');
  }
  return index;
}

function readState(params: unknown): NotebookJSON {
  const state =
    typeof params === 'object' && params !== null ? (params as { state?: unknown }).state : undefined;
  if (state === undefined) throw new BridgeError('bad_request', 'setNotebookState needs params.state');
  const problems = notebookProblems(state);
  if (problems.length > 0) {
    throw new BridgeError('invalid_notebook', `Not an nbformat 4 notebook: ${problems.slice(0, 5).join('; ')}`);
  }
  // A restored notebook is data: its outputs render untrusted (sanitised, no scripts), whatever
  // trust markers it carries.
  return withoutTrustMarkers(state as NotebookJSON);
}

/** Replaces the document's content in place: same frame, same kernel, markdown rendered. */
function setState(panel: NotebookPanel, state: NotebookJSON, context: OperationContext): void {
  const model = panel.content.model;
  if (!model) throw new BridgeError('not_ready', 'The notebook has no model yet');
  context.silently(() => {
    model.fromJSON(state as unknown as nbformat.INotebookContent);
    model.dirty = false;
  });
  context.lastExecution.clear();
  panel.content.activeCellIndex = 0;
  NotebookActions.renderAllMarkdown(panel.content);
}
