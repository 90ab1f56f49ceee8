import { Alert } from '../components/alert';
import { Button } from '../components/button';
import { Spinner } from '../components/spinner';
import { FirstStepsCard } from './first-steps-card';
import { ModuleCard } from './module-card';
import { useModuleList } from './use-module-list';

/** `/modules`: the learning modules as a responsive grid of cards with the user's progress. */
export function ModuleListPage() {
  const { state, handleRetry } = useModuleList();

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8">
      <title>Modules · Numerical Tutor</title>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Learning modules</h1>
      <p className="mt-1 text-slate-600">
        Each module opens a notebook with the tutor beside it. Your work is saved as you go.
      </p>
      <div className="mt-6">
        {state.status === 'loading' && (
          <div className="flex justify-center py-12">
            <Spinner label="Loading the modules" />
          </div>
        )}
        {state.status === 'error' && (
          <div className="flex flex-col items-start gap-3">
            <Alert tone="error" title="The modules could not be loaded">
              {state.message}
            </Alert>
            <Button variant="secondary" onClick={handleRetry}>
              Try again
            </Button>
          </div>
        )}
        {state.status === 'loaded' && state.modules.length === 0 && (
          <Alert tone="info">No modules are available yet.</Alert>
        )}
        {state.status === 'loaded' &&
          state.modules.length > 0 &&
          // Until a module is started, the page says how to begin.
          state.modules.every((module) => module.status === 'not_started') && (
            <div className="mb-6">
              <FirstStepsCard first={state.modules[0]?.title} />
            </div>
          )}
        {state.status === 'loaded' && state.modules.length > 0 && (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Modules">
            {state.modules.map((module) => (
              <li key={module.id}>
                <ModuleCard module={module} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
