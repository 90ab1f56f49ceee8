/**
 * Each exercise's check state ("✓ Passed", "Not yet", "Not tried") as a badge on the exercise's
 * prompt cell (`metadata.tutor.role` "prompt"), as the workspace page last sent them.
 *
 * The badge is an element in the cell's header (an empty widget JupyterLab gives every cell), and
 * the cell's node carries `data-tutor-exercise-state` for the styles. The states are kept here and
 * applied again whenever cells come and go (a restored or reset notebook has new cell widgets) and
 * whenever a cell enters the viewport (a windowed notebook creates a cell's DOM late).
 */
import type { Cell } from '@jupyterlab/cells';
import type { Notebook } from '@jupyterlab/notebook';

import { EXERCISE_STATES, type ExerciseState } from '../../../shared/src/exercise-progress';
import { tutorMetadataOf } from './checks';

export const BADGE_CLASS = 'tutor-ExerciseBadge';
const HEADER_CLASS = 'jp-CellHeader';
/** `data-tutor-exercise-state` on the prompt cell's node. */
const STATE_KEY = 'tutorExerciseState';

const LABELS: Record<ExerciseState, { text: string; title: string }> = {
  passed: {
    text: '✓ Passed',
    title: 'The check of this exercise passed (checked in your browser).',
  },
  not_yet: { text: 'Not yet', title: 'The check of this exercise ran but has not passed yet.' },
  not_tried: { text: 'Not tried', title: 'The check of this exercise has not been run yet.' },
};

/** The part of a cell widget the badges use. */
export interface BadgeCell {
  node: HTMLElement;
  model: { type: string; getMetadata(key: string): unknown };
}

export type ExerciseStates = ReadonlyMap<string, ExerciseState>;

/** The states of `setExerciseStates` params, or null when they are not `{states: {id: state}}`. */
export function readExerciseStates(params: unknown): Map<string, ExerciseState> | null {
  const states =
    typeof params === 'object' && params !== null
      ? (params as { states?: unknown }).states
      : undefined;
  if (typeof states !== 'object' || states === null || Array.isArray(states)) return null;
  const result = new Map<string, ExerciseState>();
  for (const [id, state] of Object.entries(states)) {
    if (!(EXERCISE_STATES as readonly unknown[]).includes(state)) return null;
    result.set(id, state as ExerciseState);
  }
  return result;
}

/** The state to show on `cell`: its exercise's, if it is a prompt cell of an exercise with one. */
export function badgeStateOf(cell: BadgeCell, states: ExerciseStates): ExerciseState | null {
  if (cell.model.type !== 'markdown') return null;
  const { exercise, role } = tutorMetadataOf(cell.model.getMetadata('tutor'));
  if (role !== 'prompt' || typeof exercise !== 'string') return null;
  return states.get(exercise) ?? null;
}

function childWithClass(parent: Element, className: string): HTMLElement | null {
  for (const child of Array.from(parent.children)) {
    if (child.classList.contains(className)) return child as HTMLElement;
  }
  return null;
}

function createBadge(document: Document): HTMLElement {
  const badge = document.createElement('div');
  badge.className = BADGE_CLASS;
  const context = document.createElement('span');
  context.className = 'tutor-VisuallyHidden';
  context.textContent = 'Exercise check: ';
  const label = document.createElement('span');
  label.className = `${BADGE_CLASS}-label`;
  badge.append(context, label);
  return badge;
}

/** Shows `state` on the cell (or removes the badge for null); does nothing when already shown. */
export function markCell(cell: BadgeCell, state: ExerciseState | null): void {
  const { node } = cell;
  const header = childWithClass(node, HEADER_CLASS);
  const existing = header ? childWithClass(header, BADGE_CLASS) : null;
  if (state === null) {
    delete node.dataset[STATE_KEY];
    existing?.remove();
    return;
  }
  if (node.dataset[STATE_KEY] !== state) node.dataset[STATE_KEY] = state;
  // A cell not rendered yet has no header: the badge comes when it enters the viewport.
  if (!header) return;
  const badge = existing ?? header.appendChild(createBadge(node.ownerDocument));
  if (badge.dataset['state'] === state) return;
  badge.dataset['state'] = state;
  badge.title = LABELS[state].title;
  const label = childWithClass(badge, `${BADGE_CLASS}-label`);
  if (label) label.textContent = LABELS[state].text;
}

/** Marks every prompt cell of the notebook with its exercise's state. */
export function markCells(cells: readonly BadgeCell[], states: ExerciseStates): void {
  for (const cell of cells) markCell(cell, badgeStateOf(cell, states));
}

/** Keeps the latest states on the prompt cells of the notebooks it follows. */
export class ExerciseBadges {
  private states: ExerciseStates = new Map();
  private readonly notebooks = new Set<Notebook>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Shows these states from now on (exercises without one lose their badge). */
  set(states: ExerciseStates): void {
    this.states = states;
    this.applyAll();
  }

  follow(notebook: Notebook): void {
    if (this.notebooks.has(notebook)) return;
    this.notebooks.add(notebook);
    const follow = (): void => {
      notebook.model?.cells.changed.connect(this.scheduleApply, this);
      this.scheduleApply();
    };
    notebook.modelChanged.connect(follow, this);
    notebook.cellInViewportChanged.connect(this.handleInViewport, this);
    notebook.disposed.connect(() => this.notebooks.delete(notebook));
    follow();
  }

  private readonly handleInViewport = (_: Notebook, cell: Cell): void => {
    markCell(cell, badgeStateOf(cell, this.states));
  };

  /** Cells change in bursts (a restored notebook replaces them all): mark them once afterwards. */
  private scheduleApply(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.applyAll();
    }, 0);
  }

  private applyAll(): void {
    for (const notebook of this.notebooks) {
      if (!notebook.isDisposed) markCells(notebook.widgets, this.states);
    }
  }
}
