/**
 * What the tutor sees of the notebook: the selected cell, the exercise it belongs to, and the
 * latest error. The workspace shows it above the tutor's input.
 */
import type { ICellModel } from '@jupyterlab/cells';
import type { Notebook } from '@jupyterlab/notebook';

import type { NotebookFocus } from '../../../shared/src/notebook-bridge';
import type { LastExecution } from './errors';

interface TutorMetadata {
  exercise?: unknown;
  role?: unknown;
}

function tutorMetadata(model: ICellModel): TutorMetadata {
  const tutor = model.getMetadata('tutor') as unknown;
  return tutor && typeof tutor === 'object' ? (tutor as TutorMetadata) : {};
}

/** The cell's exercise (`metadata.tutor.exercise`), if any. */
export function exerciseOf(model: ICellModel): string | null {
  const { exercise } = tutorMetadata(model);
  return typeof exercise === 'string' && exercise ? exercise : null;
}

/** The first heading of the exercise's prompt (its first markdown cell), without the #s. */
function exerciseTitle(notebook: Notebook, exerciseId: string): string | null {
  const prompts = notebook.widgets
    .map((cell) => cell.model)
    .filter((model) => model.type === 'markdown' && exerciseOf(model) === exerciseId);
  const prompt = prompts.find((model) => tutorMetadata(model).role === 'prompt') ?? prompts[0];
  const heading = prompt?.sharedModel
    .getSource()
    .split('\n')
    .find((line) => /^#{1,6}\s+\S/.test(line));
  return heading ? heading.replace(/^#{1,6}\s+/, '').trim() : null;
}

export function notebookFocus(notebook: Notebook, lastExecution: LastExecution): NotebookFocus {
  const failure = lastExecution.lastFailure;
  const lastError = failure
    ? {
        ename: failure.ename,
        index: failure.cell ? notebook.widgets.findIndex((cell) => cell.model === failure.cell) : -1,
      }
    : null;
  const cell = notebook.activeCell;
  if (!cell) return { index: -1, cellType: null, exerciseId: null, exerciseTitle: null, lastError };
  const exerciseId = exerciseOf(cell.model);
  return {
    index: notebook.activeCellIndex,
    cellType: cell.model.type as NotebookFocus['cellType'],
    exerciseId,
    exerciseTitle: exerciseId ? exerciseTitle(notebook, exerciseId) : null,
    lastError,
  };
}
