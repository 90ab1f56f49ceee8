// @vitest-environment jsdom
/**
 * Exercise checks in the lab: the `check-result` of a check cell's printed line, and the badges
 * `setExerciseStates` puts on the prompt cells (without JupyterLab: cells stand in as DOM nodes).
 */
import type { Notebook } from '@jupyterlab/notebook';
import { Signal } from '@lumino/signaling';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { checkResultOf, streamText } from '../src/bridge/checks';
import {
  BADGE_CLASS,
  type BadgeCell,
  ExerciseBadges,
  markCell,
  markCells,
  readExerciseStates,
} from '../src/bridge/exercise-badges';

const check = { exercise: 'm1-ex1-create-arrays', role: 'check' };
const stdout = (text: string | string[]) => ({ output_type: 'stream', name: 'stdout', text });

describe('check-result', () => {
  it('reads the last result line a check cell printed', () => {
    expect(
      checkResultOf(9, check, [
        stdout('checking...\n'),
        stdout(['❌ Not yet: zeros_3x4 has shape (3,)\n']),
      ]),
    ).toEqual({
      index: 9,
      exercise_id: 'm1-ex1-create-arrays',
      passed: false,
      message: '❌ Not yet: zeros_3x4 has shape (3,)',
    });
    expect(
      checkResultOf(9, check, [
        stdout('❌ Not yet: try again\n'),
        { output_type: 'execute_result', data: {} },
        stdout('  ✅ Passed: all three arrays are right  \n'),
      ]),
    ).toMatchObject({ passed: true, message: '✅ Passed: all three arrays are right' });
  });

  it('ignores other cells, checks without a result line, and cells without an exercise', () => {
    expect(
      checkResultOf(3, { exercise: 'm1-ex1-create-arrays', role: 'solution' }, [
        stdout('✅ Passed: x\n'),
      ]),
    ).toBeNull();
    expect(checkResultOf(3, { role: 'checks' }, [stdout('✅ Passed: x\n')])).toBeNull();
    expect(checkResultOf(3, { role: 'check', exercise: 7 }, [stdout('✅ Passed: x\n')])).toBeNull();
    expect(checkResultOf(3, undefined, [stdout('✅ Passed: x\n')])).toBeNull();
    expect(checkResultOf(3, check, [stdout('nothing to report\n')])).toBeNull();
    expect(
      checkResultOf(3, check, [
        { output_type: 'error', ename: 'NameError', evalue: '', traceback: [] },
      ]),
    ).toBeNull();
    expect(checkResultOf(-1, check, [stdout('✅ Passed: x\n')])).toBeNull();
  });

  it('joins the text of stream outputs only', () => {
    expect(
      streamText([
        stdout('a\n'),
        { output_type: 'display_data', data: { 'text/plain': '✅ Passed' } },
        stdout(['b', 'c']),
      ]),
    ).toBe('a\n\nbc');
    expect(streamText([null, 5, { output_type: 'stream', text: 3 }])).toBe('');
  });
});

describe('setExerciseStates params', () => {
  it('accepts {states: {id: state}} and refuses anything else', () => {
    expect(readExerciseStates({ states: { a: 'passed', b: 'not_yet', c: 'not_tried' } })).toEqual(
      new Map([
        ['a', 'passed'],
        ['b', 'not_yet'],
        ['c', 'not_tried'],
      ]),
    );
    expect(readExerciseStates({ states: {} })).toEqual(new Map());
    expect(readExerciseStates({ states: { a: 'done' } })).toBeNull();
    expect(readExerciseStates({ states: ['passed'] })).toBeNull();
    expect(readExerciseStates({})).toBeNull();
    expect(readExerciseStates(null)).toBeNull();
  });
});

/** A cell as JupyterLab builds it: a node with a header, an input and a footer (or a placeholder without). */
function cell(type: string, tutor: unknown, rendered = true): BadgeCell {
  const node = document.createElement('div');
  node.className = 'jp-Cell';
  if (rendered) {
    for (const className of ['jp-CellHeader', 'jp-Cell-inputWrapper', 'jp-CellFooter']) {
      const child = document.createElement('div');
      child.className = className;
      node.append(child);
    }
  }
  document.body.append(node);
  return { node, model: { type, getMetadata: (key) => (key === 'tutor' ? tutor : undefined) } };
}

const badgeOf = (target: BadgeCell) => target.node.querySelector<HTMLElement>(`.${BADGE_CLASS}`);

describe('exercise badges', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it("marks each exercise's prompt cell with its state, in words a screen reader reads too", () => {
    const prompt1 = cell('markdown', { exercise: 'ex1', role: 'prompt' });
    const solution1 = cell('code', { exercise: 'ex1', role: 'solution' });
    const prompt2 = cell('markdown', { exercise: 'ex2', role: 'prompt' });
    const prompt3 = cell('markdown', { exercise: 'ex3', role: 'prompt' });
    const intro = cell('markdown', undefined);
    markCells(
      [prompt1, solution1, prompt2, prompt3, intro],
      new Map([
        ['ex1', 'passed'],
        ['ex2', 'not_yet'],
        ['ex3', 'not_tried'],
        ['gone', 'passed'],
      ]),
    );

    expect(badgeOf(prompt1)?.textContent).toBe('Exercise check: ✓ Passed');
    expect(badgeOf(prompt1)?.parentElement?.className).toBe('jp-CellHeader');
    expect(prompt1.node.dataset['tutorExerciseState']).toBe('passed');
    expect(badgeOf(prompt2)?.textContent).toBe('Exercise check: Not yet');
    expect(badgeOf(prompt2)?.dataset['state']).toBe('not_yet');
    expect(badgeOf(prompt3)?.textContent).toBe('Exercise check: Not tried');
    expect(badgeOf(solution1)).toBeNull();
    expect(badgeOf(intro)).toBeNull();
    expect(solution1.node.dataset['tutorExerciseState']).toBeUndefined();
  });

  it('updates a badge in place, and removes it when its exercise has no state any more', () => {
    const prompt = cell('markdown', { exercise: 'ex1', role: 'prompt' });
    markCells([prompt], new Map([['ex1', 'not_yet']]));
    const badge = badgeOf(prompt);
    markCells([prompt], new Map([['ex1', 'passed']]));
    expect(badgeOf(prompt)).toBe(badge);
    expect(badge?.textContent).toBe('Exercise check: ✓ Passed');
    markCells([prompt], new Map([['ex1', 'passed']]));
    expect(prompt.node.querySelectorAll(`.${BADGE_CLASS}`)).toHaveLength(1);
    markCells([prompt], new Map());
    expect(badgeOf(prompt)).toBeNull();
    expect(prompt.node.dataset['tutorExerciseState']).toBeUndefined();
  });

  it('marks a cell that is not rendered yet once it has its header (it entered the viewport)', () => {
    const prompt = cell('markdown', { exercise: 'ex1', role: 'prompt' }, false);
    markCell(prompt, 'passed');
    expect(prompt.node.dataset['tutorExerciseState']).toBe('passed');
    expect(badgeOf(prompt)).toBeNull();
    // JupyterLab builds the cell's children when it is attached.
    const header = document.createElement('div');
    header.className = 'jp-CellHeader';
    prompt.node.append(header);
    markCell(prompt, 'passed');
    expect(badgeOf(prompt)?.textContent).toBe('Exercise check: ✓ Passed');
    // Nothing else goes into the cell's own node (its layout counts its children).
    expect(Array.from(prompt.node.children).map((child) => child.className)).toEqual([
      'jp-CellHeader',
    ]);
  });
});

/** The notebook signals ExerciseBadges follows, with cells that can be replaced or rendered. */
class FakeNotebook {
  widgets: BadgeCell[] = [];
  isDisposed = false;
  readonly modelChanged = new Signal<this, void>(this);
  readonly cellInViewportChanged = new Signal<this, BadgeCell>(this);
  readonly disposed = new Signal<this, void>(this);
  readonly model = { cells: { changed: new Signal<object, void>({}) } };

  /** What a restored notebook does: new cell widgets for the new cells. */
  replaceCells(cells: BadgeCell[]): void {
    this.widgets = cells;
    this.model.cells.changed.emit(undefined);
  }
}

describe('ExerciseBadges', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    vi.useFakeTimers();
    return () => vi.useRealTimers();
  });

  it('keeps the states on the prompt cells when the notebook is replaced and when a cell is rendered late', () => {
    const notebook = new FakeNotebook();
    const badges = new ExerciseBadges();
    const first = cell('markdown', { exercise: 'ex1', role: 'prompt' });
    notebook.widgets = [first];
    badges.follow(notebook as unknown as Notebook);
    badges.set(new Map([['ex1', 'passed']]));
    expect(badgeOf(first)?.textContent).toBe('Exercise check: ✓ Passed');

    // A restored (or reset) notebook: new widgets, marked once the burst of changes is over.
    const restored = cell('markdown', { exercise: 'ex1', role: 'prompt' });
    const late = cell('markdown', { exercise: 'ex2', role: 'prompt' }, false);
    notebook.replaceCells([restored, late]);
    notebook.replaceCells([restored, late]);
    expect(badgeOf(restored)).toBeNull();
    vi.runAllTimers();
    expect(badgeOf(restored)?.textContent).toBe('Exercise check: ✓ Passed');

    badges.set(
      new Map([
        ['ex1', 'passed'],
        ['ex2', 'not_yet'],
      ]),
    );
    expect(badgeOf(late)).toBeNull();
    // The windowed notebook renders the cell when it scrolls into view.
    const header = document.createElement('div');
    header.className = 'jp-CellHeader';
    late.node.append(header);
    notebook.cellInViewportChanged.emit(late);
    expect(badgeOf(late)?.textContent).toBe('Exercise check: Not yet');

    // A disposed notebook is not followed any more.
    notebook.isDisposed = true;
    notebook.disposed.emit(undefined);
    badges.set(new Map());
    expect(badgeOf(late)).not.toBeNull();
  });
});
