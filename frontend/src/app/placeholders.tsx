// Stand-ins for pages that land with their own issues: the module list (frontend/src/modules)
// replaces this in app/routes.tsx.

function Placeholder({ title, children }: { title: string; children: string }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <title>{`${title} · Numerical Tutor`}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-slate-600">{children}</p>
    </div>
  );
}

export function ModulesPlaceholderPage() {
  return <Placeholder title="Modules">The learning modules are coming soon.</Placeholder>;
}
