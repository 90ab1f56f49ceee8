import { FirstStepsList } from '../components/first-steps-list';

/** Greets a student who has not started a module yet: the three steps, starting with `first`. */
export function FirstStepsCard({ first }: { first: string | undefined }) {
  return (
    <section
      aria-labelledby="first-steps-title"
      data-testid="first-steps"
      className="rounded-xl border border-brand-100 bg-brand-50/60 p-5 sm:p-6"
    >
      <h2 id="first-steps-title" className="text-lg font-semibold text-slate-900">
        Your first steps
      </h2>
      <p className="mt-1 text-sm text-slate-600">Welcome! Here is how the modules work.</p>
      <div className="mt-5">
        <FirstStepsList
          pickDetail={
            first ? (
              <>
                Open a card below. The modules build on each other, so{' '}
                <span className="font-medium text-slate-800">{first}</span> is a good place to
                start.
              </>
            ) : undefined
          }
        />
      </div>
    </section>
  );
}
