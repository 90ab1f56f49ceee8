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
    </Link>
  );
}
