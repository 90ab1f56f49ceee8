import type { DashboardCell, DashboardOut, DashboardStudent } from '@tutor/shared/courses';
import { Link } from 'react-router';
import { cellSummary, stateWords } from './exercise-state-text';
import { formatDateTime, formatShare } from './format';

const stateStyles: Record<DashboardCell['state'], string> = {
  not_tried: 'text-slate-500',
  not_yet: 'bg-amber-50 text-amber-900',
  passed: 'bg-emerald-50 text-emerald-900',
};

const stateMarks: Record<DashboardCell['state'], string> = {
  not_tried: '–',
  not_yet: '…',
  passed: '✓',
};

function GridCell({ cell }: { cell: DashboardCell | undefined }) {
  const state = cell?.state ?? 'not_tried';
  const title = cell?.last_run_at ? `Last run ${formatDateTime(cell.last_run_at)}` : undefined;
  return (
    <td
      className={`border-l border-slate-100 px-2 py-1.5 align-top ${stateStyles[state]}`}
      title={title}
    >
      <span className="sr-only">{cellSummary(cell)}</span>
      <span aria-hidden="true" className="block text-sm font-medium whitespace-nowrap">
        {stateMarks[state]} {stateWords[state]}
      </span>
      {cell && state !== 'not_tried' && (
        <span aria-hidden="true" className="block text-xs whitespace-nowrap opacity-80">
          {cell.runs} {cell.runs === 1 ? 'run' : 'runs'}
          {cell.highest_hint_level !== null && ` · hint ${cell.highest_hint_level}`}
        </span>
      )}
    </td>
  );
}

function StudentRow({
  classId,
  student,
  exerciseIds,
}: {
  classId: string;
  student: DashboardStudent;
  exerciseIds: string[];
}) {
  return (
    <tr className={student.inactive ? 'bg-slate-50' : undefined} data-testid="dashboard-row">
      <th
        scope="row"
        className="sticky left-0 z-10 bg-inherit px-3 py-1.5 text-left align-top font-normal"
      >
        <div className={student.inactive ? 'bg-slate-50' : 'bg-white'}>
          <Link
            to={`/classes/${classId}/students/${student.user_id}`}
            className="font-medium text-brand-800 underline-offset-2 hover:underline"
          >
            {student.username}
          </Link>
          <span className="block text-xs whitespace-nowrap text-slate-600">
            {student.inactive ? (
              <span className="font-medium text-red-800">Inactive 7+ days</span>
            ) : (
              'Active'
            )}
            {' · '}
            {formatDateTime(student.last_activity_at, 'no activity')}
          </span>
        </div>
      </th>
      {exerciseIds.map((id) => (
        <GridCell key={id} cell={student.exercises[id]} />
      ))}
    </tr>
  );
}

/** The per-exercise summary: share passed, median hint level and the most common errors. */
function SummaryRow({ dashboard }: { dashboard: DashboardOut }) {
  return (
    <tr className="border-b-2 border-slate-200 bg-slate-50 text-xs text-slate-700">
      <th
        scope="row"
        className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left align-top font-semibold"
      >
        Whole class
      </th>
      {dashboard.exercises.map((exercise) => (
        <td
          key={exercise.exercise_id}
          className="min-w-36 border-l border-slate-100 px-2 py-2 align-top"
        >
          <p>
            <span className="font-semibold text-slate-900">
              {formatShare(exercise.passed_share)}
            </span>{' '}
            passed
          </p>
          <p>
            Median hint:{' '}
            {exercise.median_hint_level === null
              ? 'none'
              : exercise.median_hint_level.toFixed(1).replace(/\.0$/, '')}
          </p>
          {exercise.common_errors.length > 0 && (
            <ul className="mt-1 space-y-0.5" aria-label={`Common errors in ${exercise.title}`}>
              {exercise.common_errors.map((item) => (
                <li key={item.error} className="font-mono break-words text-red-900">
                  {item.error} <span className="font-sans text-slate-600">×{item.count}</span>
                </li>
              ))}
            </ul>
          )}
        </td>
      ))}
    </tr>
  );
}

/**
 * The students × exercises grid, a real table: a header row of exercises (with their module), a
 * whole-class summary row, then one row per student. It scrolls sideways inside its own region,
 * the students' names staying in view.
 */
export function DashboardGrid({ dashboard }: { dashboard: DashboardOut }) {
  const exerciseIds = dashboard.exercises.map((exercise) => exercise.exercise_id);
  return (
    <div
      role="region"
      aria-label="Progress grid"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="min-w-full border-collapse text-sm">
        <caption className="sr-only">
          Each student’s state per exercise: not tried, trying or passed, with runs and the highest
          hint level
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
            <th scope="col" className="sticky left-0 z-10 bg-white px-3 py-2 font-semibold">
              Student
            </th>
            {dashboard.exercises.map((exercise) => (
              <th
                key={exercise.exercise_id}
                scope="col"
                className="min-w-36 border-l border-slate-100 px-2 py-2 align-bottom font-normal"
              >
                <span className="block text-slate-500">{exercise.module_title}</span>
                <span className="block font-semibold text-slate-900">{exercise.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <SummaryRow dashboard={dashboard} />
          {dashboard.students.map((student) => (
            <StudentRow
              key={student.user_id}
              classId={dashboard.class.id}
              student={student}
              exerciseIds={exerciseIds}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
