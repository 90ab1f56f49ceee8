import { Link } from 'react-router';
import { FirstStepsList } from '../components/first-steps-list';
import { leadPhrase } from './lead-phrase';
import { useCatalog, type CatalogState } from './use-catalog';

const primaryAction =
  'inline-flex items-center justify-center rounded-md bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-800';
const secondaryAction =
  'inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-5 py-2.5 text-sm font-semibold text-slate-800 hover:bg-slate-100';

/** `/` for visitors: what the app is, its modules, and the way in. */
export function LandingPage() {
  const catalog = useCatalog();

  return (
    <div className="w-full">
      <title>Numerical Tutor · Learn numerical computing in your browser</title>
      <section className="mx-auto grid max-w-6xl items-center gap-12 px-4 pt-10 pb-12 sm:pt-14 lg:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] lg:pt-16 lg:pb-14">
        <div>
          <p className="text-sm font-semibold text-brand-700">Numerical computing, hands-on</p>
          <h1 className="mt-3 text-3xl leading-tight font-semibold tracking-tight text-balance text-slate-900 sm:text-4xl lg:text-[2.75rem]">
            Learn numerical computing by writing the code yourself
          </h1>
          <p className="mt-5 max-w-xl text-base leading-relaxed text-pretty text-slate-600 sm:text-lg">
            Work through short modules in a real Jupyter notebook that runs Python in your browser.
            When you get stuck, an AI tutor guides you with graduated hints instead of handing you
            the answer.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link to="/register" className={primaryAction}>
              Create an account
            </Link>
            <Link to="/login" className={secondaryAction}>
              Log in
            </Link>
          </div>
          <p className="mt-4 text-sm text-slate-600">
            Nothing to install: the notebook and Python run in this page.
          </p>
        </div>
        <WorkspacePreview />
      </section>

      <section aria-labelledby="landing-modules" className="border-y border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-12">
          <h2 id="landing-modules" className="text-xl font-semibold tracking-tight text-slate-900">
            The modules
          </h2>
          <p className="mt-1 text-slate-600">
            Each is a notebook of short explanations and exercises, and each builds on the one
            before.
          </p>
          <div className="mt-6">
            <ModuleCatalog state={catalog} />
          </div>
        </div>
      </section>

      <section aria-labelledby="landing-how" className="mx-auto max-w-6xl px-4 py-12">
        <h2 id="landing-how" className="text-xl font-semibold tracking-tight text-slate-900">
          How it works
        </h2>
        <div className="mt-6">
          <FirstStepsList />
        </div>
      </section>
    </div>
  );
}

function ModuleCatalog({ state }: { state: CatalogState }) {
  if (state.status === 'error') {
    return (
      <p className="text-sm text-slate-600">
        The module list could not be loaded just now. Create an account or log in to see it.
      </p>
    );
  }
  if (state.status === 'loading') {
    return (
      <div role="status" className="grid gap-4 md:grid-cols-3">
        <span className="sr-only">Loading the modules</span>
        {[0, 1, 2].map((n) => (
          <div key={n} aria-hidden="true" className="h-28 rounded-lg bg-slate-100" />
        ))}
      </div>
    );
  }
  return (
    <ol aria-label="Modules" className="grid gap-4 md:grid-cols-3">
      {state.modules.map((module) => (
        <li
          key={`${module.order}-${module.title}`}
          className="rounded-lg border border-slate-200 bg-slate-50/60 p-5"
        >
          <p className="text-xs font-semibold tracking-wide text-brand-700">
            Module {module.order}
          </p>
          <h3 className="mt-1 text-lg font-semibold text-slate-900">{module.title}</h3>
          <p className="mt-2 text-sm leading-relaxed text-slate-600">
            {leadPhrase(module.description)}.
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * A still picture of the workspace: a notebook cell beside a tutor's first hint. Decorative (the
 * text above says the same), so it is hidden from assistive technology.
 */
function WorkspacePreview() {
  return (
    <div
      aria-hidden="true"
      className="hidden overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm sm:block"
    >
      <div className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-4 py-2.5 text-xs font-medium text-slate-600">
        <span className="flex items-center gap-1.5">
          <span className="size-2 rounded-full bg-emerald-500" />
          Python ready
        </span>
        <span>Notebook · Tutor</span>
      </div>
      <div className="space-y-4 p-5">
        <div className="flex gap-3 font-mono text-[13px] leading-6">
          <span className="w-12 shrink-0 text-right text-slate-500">[3]:</span>
          <pre className="min-w-0 flex-1 overflow-hidden rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-slate-800">
            {'x = np.linspace(0, 1, 5)\nx ** 2'}
          </pre>
        </div>
        <div className="flex gap-3 font-mono text-[13px] leading-6">
          <span className="w-12 shrink-0 text-right text-slate-500">[3]:</span>
          <pre className="min-w-0 flex-1 overflow-hidden px-3 text-slate-700">
            {'array([0.    , 0.0625, 0.25  , 0.5625, 1.    ])'}
          </pre>
        </div>
        <div className="ml-15 space-y-2 border-t border-slate-100 pt-4">
          <p className="ml-auto w-fit max-w-[85%] rounded-lg rounded-br-sm bg-brand-700 px-3 py-2 text-sm text-white">
            How do I square every value without a loop?
          </p>
          <div className="max-w-[90%] rounded-lg rounded-bl-sm border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            <p className="text-xs font-semibold text-brand-800">Hint 1 of 5</p>
            <p className="mt-0.5">
              NumPy applies arithmetic to every element of an array at once. What do you expect{' '}
              <code className="font-mono text-[13px]">x ** 2</code> to give?
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
