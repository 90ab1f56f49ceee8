import {
  checkMessageText,
  passedCountText,
  type ExerciseProgressOut,
  type ExerciseState,
  type ModuleExercisesOut,
} from './exercise-states';

const stateLabels: Record<ExerciseState, string> = {
  passed: '✓ Passed',
  not_yet: 'Not yet',
  not_tried: 'Not tried',
};

// Green, amber, grey: the words say the same, so colour is never the only signal.
const stateTones: Record<ExerciseState, string> = {
  passed: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  not_yet: 'bg-amber-100 text-amber-900 ring-amber-300',
  not_tried: 'bg-slate-100 text-slate-700 ring-slate-300',
};

/** An exercise's check state as a small pill with its name. */
export function ExerciseStateBadge({ state }: { state: ExerciseState }) {
  return (
    <span
      data-state={state}
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-px text-xs font-medium whitespace-nowrap ring-1 ring-inset ${stateTones[state]}`}
    >
      {stateLabels[state]}
    </span>
  );
}

/** What the latest run of the check said, when it is worth reading (it has not passed). */
function latestMessage(exercise: ExerciseProgressOut): string | null {
  if (exercise.last_passed !== false || !exercise.last_message) return null;
  const text = checkMessageText(exercise.last_message);
  return text || null;
}

/** Beside the tutor's context line: the selected exercise's check, and what it last said. */
export function ExerciseCheckLine({ exercise }: { exercise: ExerciseProgressOut }) {
  const message = latestMessage(exercise);
  return (
    <p
      data-testid="exercise-check"
      className="flex min-w-0 items-baseline gap-1.5 text-xs leading-snug text-slate-600"
    >
      <span className="font-medium text-slate-700">Check:</span>{' '}
      <ExerciseStateBadge state={exercise.state} />{' '}
      {message && (
        <span className="min-w-0 truncate" title={message}>
          {exercise.state === 'passed' ? `latest run: ${message}` : message}
        </span>
      )}
    </p>
  );
}

interface ExerciseSummaryProps {
  exercises: ModuleExercisesOut;
  /** The exercise of the selected cell, marked in the list. */
  currentId: string | null;
}

/** "Exercises: 4 of 9 passed", opening onto the module's exercises and their states. */
export function ExerciseSummary({ exercises, currentId }: ExerciseSummaryProps) {
  if (exercises.total === 0) return null;
  return (
    <details
      className="group border-b border-slate-200 bg-white text-sm"
      data-testid="exercise-summary"
    >
      <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-2 px-4 py-1.5 text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden="true"
          className="inline-block text-xs text-slate-500 transition-transform group-open:rotate-90"
        >
          ▸
        </span>
        <span className="font-medium">
          Exercises: {passedCountText(exercises.passed, exercises.total)}
        </span>{' '}
        <span className="text-xs text-slate-600">checked in your browser</span>
      </summary>
      <ol aria-label="Exercises" className="max-h-64 overflow-y-auto px-4 pb-2">
        {exercises.exercises.map((exercise, index) => (
          <ExerciseItem
            key={exercise.exercise_id}
            number={index + 1}
            exercise={exercise}
            current={exercise.exercise_id === currentId}
          />
        ))}
      </ol>
    </details>
  );
}

interface ExerciseItemProps {
  number: number;
  exercise: ExerciseProgressOut;
  current: boolean;
}

function ExerciseItem({ number, exercise, current }: ExerciseItemProps) {
  const message = latestMessage(exercise);
  return (
    <li
      aria-current={current ? 'step' : undefined}
      className={`flex flex-col gap-0.5 border-t border-slate-100 py-1.5 first:border-t-0 ${current ? 'font-medium' : ''}`}
    >
      <span className="flex items-baseline justify-between gap-2">
        <span className="min-w-0 text-slate-800">
          <span aria-hidden="true" className="mr-1.5 text-slate-500 tabular-nums">
            {number}.
          </span>
          {exercise.title}
          {current && <span className="text-xs font-normal text-slate-600"> (selected)</span>}
        </span>{' '}
        <ExerciseStateBadge state={exercise.state} />
      </span>
      {message && exercise.state === 'not_yet' && (
        <span className="text-xs font-normal text-slate-600">{message}</span>
      )}
    </li>
  );
}
