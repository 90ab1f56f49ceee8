// Stand-ins for pages that land with their own issues: the chat (frontend/src/chat) and the
// module list (frontend/src/modules) replace these in app/routes.tsx.
import { useAuth } from '../auth/auth-context';

function Placeholder({ title, children }: { title: string; children: string }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <title>{`${title} · Numerical Tutor`}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-slate-600">{children}</p>
    </div>
  );
}

export function ChatPlaceholderPage() {
  const { user } = useAuth();
  return (
    <Placeholder title="Chat">
      {`Welcome, ${user?.username ?? 'there'}. The tutor chat is coming soon.`}
    </Placeholder>
  );
}

export function ModulesPlaceholderPage() {
  return <Placeholder title="Modules">The learning modules are coming soon.</Placeholder>;
}
