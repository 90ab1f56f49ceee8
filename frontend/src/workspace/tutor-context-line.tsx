import { ExerciseCheckLine } from './exercise-list';
import type { ExerciseProgressOut } from './exercise-states';
import type { NotebookFocus } from './notebook-bridge';

/** "Exercise 3" from "Exercise 3 · Slices are views (pitfall)"; the id when there is no title. */
function exerciseLabel(focus: NotebookFocus): string | null {
  if (focus.exerciseTitle) return focus.exerciseTitle.split(' · ')[0]!.trim();
  return focus.exerciseId;
}

/** What the tutor sees, in a few words: "Exercise 3 · cell 12 · last error: ValueError". */
export function describeFocus(focus: NotebookFocus): { text: string; hint: boolean } {
  if (focus.index < 0 || focus.cellType === null) {
    return { text: 'No cell is selected. Select your exercise’s code cell.', hint: true };
  }
  if (focus.cellType !== 'code') {
    return {
      text: `Cell ${focus.index + 1} is text, not code. Select your exercise’s code cell so the tutor sees your code.`,
      hint: true,
    };
  }
  const parts: string[] = [];
  const exercise = exerciseLabel(focus);
  if (exercise) parts.push(exercise);
  parts.push(`cell ${focus.index + 1}`);
  const error = focus.lastError;
  if (error) {
    const elsewhere = error.index >= 0 && error.index !== focus.index;
    parts.push(`last error: ${error.ename}${elsewhere ? ` (cell ${error.index + 1})` : ''}`);
  }
  const text = parts.join(' · ');
  return { text: text.charAt(0).toUpperCase() + text.slice(1), hint: false };
}

interface TutorContextLineProps {
  /** What the notebook reported; null until it did. */
  focus: NotebookFocus | null;
  /** The selected cell's exercise with its check state, when known. */
  exercise?: ExerciseProgressOut | null;
}

/** Above the tutor's input: which cell (and error) the next question is about, and its check. */
export function TutorContextLine({ focus, exercise = null }: TutorContextLineProps) {
  if (!focus) return null;
  const { text, hint } = describeFocus(focus);
  return (
    <div className="flex flex-col gap-0.5">
      <p
        data-testid="tutor-context"
        className={`text-xs leading-snug ${hint ? 'text-amber-900' : 'text-slate-600'}`}
        title={focus.exerciseTitle ?? undefined}
      >
        <span className="font-medium text-slate-700">{hint ? 'Tutor: ' : 'Tutor sees: '}</span>
        {text}
      </p>
      {exercise && <ExerciseCheckLine exercise={exercise} />}
    </div>
  );
}
