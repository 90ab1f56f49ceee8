import { useLocation } from 'react-router';
import { TextLink } from '../components/text-link';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-16 text-center">
      <title>Page not found · Numerical Tutor</title>
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-slate-600">
        There is no page at <code className="font-mono text-sm">{pathname}</code>.
      </p>
      <p className="mt-6">
        <TextLink to="/">Go to the start page</TextLink>
      </p>
    </div>
  );
}
