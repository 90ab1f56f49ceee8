import { MAX_CELL_CODE_CHARS, MAX_ERROR_OUTPUT_CHARS } from '@tutor/shared/chat';
import type { NotebookBridge } from './notebook-bridge';

/** The extra fields of a tutor message frame (cell code, exercise, latest error). */
export type Extras = Record<string, unknown>;

/** A cell whose run failed, and its error in one line. */
export interface FailedCell {
  index: number;
  summary: string;
}

/**
 * Keeps a frame well under the socket's 256 KB limit (a larger frame closes the socket). The server
 * truncates anything over MAX_*_CHARS itself, with a marker, so the text sent stays longer than that.
 */
export function bounded(extras: Extras): Extras {
  const code = extras.cell_code;
  const error = extras.error_output;
  return {
    ...extras,
    ...(typeof code === 'string' ? { cell_code: code.slice(0, 2 * MAX_CELL_CODE_CHARS) } : {}),
    ...(typeof error === 'string'
      ? { error_output: error.slice(-2 * MAX_ERROR_OUTPUT_CHARS) }
      : {}),
  };
}

function sourceText(source: string | string[] | undefined): string {
  return Array.isArray(source) ? source.join('') : (source ?? '');
}

/** The selected cell's code and exercise, and the latest error, for the tutor's hidden context. */
export async function notebookContext(bridge: NotebookBridge): Promise<Extras> {
  const [cell, error] = await Promise.allSettled([
    bridge.getCurrentCellContext(),
    bridge.getErrorOutput(),
  ]);
  const extras: Extras = {};
  if (cell.status === 'fulfilled') {
    extras.cell_code = cell.value.code;
    if (cell.value.exerciseId) extras.exercise_id = cell.value.exerciseId;
  }
  if (error.status === 'fulfilled' && error.value) extras.error_output = error.value;
  return bounded(extras);
}

/** The failed cell itself (running it moved the selection on), its exercise and its error. */
export async function failedCellContext(
  bridge: NotebookBridge,
  failed: FailedCell,
): Promise<Extras> {
  const [state, error] = await Promise.allSettled([
    bridge.getNotebookState(),
    bridge.getErrorOutput(),
  ]);
  const cell = state.status === 'fulfilled' ? state.value.cells[failed.index] : undefined;
  const extras: Extras = {};
  if (cell) extras.cell_code = sourceText(cell.source);
  const tutorMeta = cell?.metadata?.['tutor'] as { exercise?: unknown } | undefined;
  if (typeof tutorMeta?.exercise === 'string') extras.exercise_id = tutorMeta.exercise;
  if (error.status === 'fulfilled' && error.value) extras.error_output = error.value;
  else extras.error_output = failed.summary;
  return bounded(extras);
}
