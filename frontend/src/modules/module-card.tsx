import type { ModuleListItem } from '../api/modules/list-modules';
import { Link } from 'react-router';
import { StatusBadge } from './status-badge';

interface ModuleCardProps {
  module: ModuleListItem;
}

/** One module: a real link, so keyboard, middle-click and "open in new tab" all work. */
export function ModuleCard({ module }: ModuleCardProps) {
  return (
    <Link
      to={`/workspace/${module.id}`}
      className="group flex h-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900 group-hover:text-brand-800">
          {/* An eyebrow label above the title; the heading reads "Module 1: Title". */}
          <span className="mb-1 block text-xs font-semibold tracking-wide text-brand-700">
            {`Module ${module.order}`}
          </span>
          <span className="sr-only">: </span>
          {module.title}
        </h2>
        <StatusBadge status={module.status} />
      </div>
      <p className="text-sm leading-relaxed text-slate-600">{module.description}</p>
      {module.exercises_total > 0 && (
        <ExerciseCount passed={module.exercises_passed} total={module.exercises_total} />
      )}
    </Link>
  );
}

/** "4 of 9 exercises passed" with a bar that shows the same (the checks ran in the browser). */
function ExerciseCount({ passed, total }: { passed: number; total: number }) {
  const percent = Math.round((100 * Math.min(passed, total)) / total);
  return (
    <div className="mt-auto flex items-center gap-3 pt-1" data-testid="exercise-count">
      <span aria-hidden="true" className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200">
        <span
          className="block h-full rounded-full bg-emerald-600"
          style={{ width: `${percent}%` }}
        />
      </span>
      <span className="shrink-0 text-xs font-medium text-slate-700">
        {passed} of {total} {total === 1 ? 'exercise' : 'exercises'} passed
      </span>
    </div>
  );
}
