import type { AdminUserOut } from '@tutor/shared/courses';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { Alert } from '../components/alert';
import { FormField } from '../components/form-field';
import { Spinner } from '../components/spinner';
import { useSetRole, useUserSearch } from './use-admin-users';
import { useDebouncedValue } from './use-debounced-value';

const roleWords = { student: 'Student', instructor: 'Instructor', admin: 'Administrator' };

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : 'That did not work. Try again.';
}

interface UserRowProps {
  user: AdminUserOut;
  pending: boolean;
  onChange: (user: AdminUserOut, role: 'student' | 'instructor') => void;
}

function UserRow({ user, pending, onChange }: UserRowProps) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
      <div className="min-w-0 flex-1 basis-56">
        <p className="font-medium break-words text-slate-900">{user.username}</p>
        <p className="text-sm break-all text-slate-600">{user.email}</p>
      </div>
      <span
        className={`rounded-full px-2 py-0.5 text-xs font-medium ${
          user.role === 'student' ? 'bg-slate-100 text-slate-700' : 'bg-brand-50 text-brand-800'
        }`}
      >
        {roleWords[user.role]}
      </span>
      {user.role === 'admin' ? (
        <span className="text-xs text-slate-600">Managed from the command line</span>
      ) : (
        <button
          type="button"
          disabled={pending}
          onClick={() => onChange(user, user.role === 'student' ? 'instructor' : 'student')}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:text-slate-400"
        >
          {user.role === 'student'
            ? `Make ${user.username} an instructor`
            : `Revoke instructor from ${user.username}`}
        </button>
      )}
    </li>
  );
}

/** Grants or revokes the instructor role, and says what it did (for the live status line). */
function useRoleChange() {
  const setRole = useSetRole();
  const [status, setStatus] = useState('');
  function handleChange(user: AdminUserOut, role: 'student' | 'instructor') {
    setStatus('');
    setRole.mutate(
      { user, role },
      {
        onSuccess: (saved) =>
          setStatus(
            saved.role === 'instructor'
              ? `${saved.username} is now an instructor.`
              : `${saved.username} is no longer an instructor.`,
          ),
      },
    );
  }
  return { setRole, status, handleChange };
}

/** `/admin`: find users by email or name; grant or revoke the instructor role. */
export function AdminPage() {
  const [query, setQuery] = useState('');
  const deferred = useDebouncedValue(query.trim());
  const users = useUserSearch(deferred);
  const { setRole, status, handleChange } = useRoleChange();

  return (
    <div className="mx-auto w-full max-w-3xl space-y-5 px-4 py-8">
      <title>Admin · Numerical Tutor</title>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Users and roles</h1>
        <p className="mt-1 text-slate-600">
          Instructors create classes and see their students’ progress. Administrators are made from
          the command line.
        </p>
      </div>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <FormField
          id="user-search"
          type="search"
          label="Find users"
          hint="Part of an email or a username."
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          maxLength={255}
        />
      </form>
      <div aria-live="polite" className="min-h-5 text-sm text-emerald-800">
        {status}
      </div>
      {setRole.isError && <Alert tone="error">{errorText(setRole.error)}</Alert>}
      {users.isPending && <Spinner label="Searching" />}
      {users.isError && <Alert tone="error">{errorText(users.error)}</Alert>}
      {users.data && users.data.length === 0 && (
        <p className="text-sm text-slate-600">No user matches “{deferred}”.</p>
      )}
      {users.data && users.data.length > 0 && (
        <ul
          aria-label="Users"
          aria-busy={users.isFetching || undefined}
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-4"
        >
          {users.data.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              pending={setRole.isPending}
              onChange={handleChange}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
