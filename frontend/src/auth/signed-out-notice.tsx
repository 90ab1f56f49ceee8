import { useLocation } from 'react-router';
import { Alert } from '../components/alert';
import type { SignedOutState } from './redirect';

/** Why the session ended (the account was deleted), as ProtectedRoute passed it on; else nothing. */
export function SignedOutNotice() {
  const notice = (useLocation().state as SignedOutState | null)?.notice;
  if (typeof notice !== 'string' || notice === '') return null;
  return (
    <div className="mx-auto max-w-6xl px-4 pt-6">
      <Alert tone="success">{notice}</Alert>
    </div>
  );
}
