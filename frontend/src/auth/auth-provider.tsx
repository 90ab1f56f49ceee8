import type { LoginRequest, Profile, RegisterInput } from '@tutor/shared/auth';
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';
import { getProfile } from '../api/auth/get-profile';
import { login as loginRequest } from '../api/auth/login';
import { logout as logoutRequest } from '../api/auth/logout';
import { register as registerRequest } from '../api/auth/register';
import { apiClient as client } from '../api/client';
import { AuthContext, type AuthContextValue, type AuthStatus } from './auth-context';

interface AuthProviderProps {
  children: ReactNode;
}

interface SessionState {
  status: AuthStatus;
  user: Profile | null;
  loggedOut: boolean;
  signedOutNotice: string | null;
}

const signedOut: SessionState = {
  status: 'signedOut',
  user: null,
  loggedOut: false,
  signedOutNotice: null,
};

/** Restores the session on start, and signs out when the client drops its token. */
function useSessionRestore(setSession: Dispatch<SetStateAction<SessionState>>) {
  useEffect(() => {
    return client.subscribe((token) => {
      // Keep the logged-out flag and notice when this is the logout itself.
      if (token === null)
        setSession((current) => ({
          ...signedOut,
          loggedOut: current.loggedOut,
          signedOutNotice: current.signedOutNotice,
        }));
    });
  }, [setSession]);

  useEffect(() => {
    let active = true;
    // The client shares one refresh between callers, so StrictMode's second run is harmless.
    client
      .refresh()
      .then((token) => (token === null ? null : getProfile()))
      .then(
        (user) => {
          if (active) setSession(user ? { ...signedOut, status: 'signedIn', user } : signedOut);
        },
        () => {
          // Server unreachable: start signed out; the login form reports the problem if it persists.
          if (active) setSession(signedOut);
        },
      );
    return () => {
      active = false;
    };
  }, [setSession]);
}

/**
 * Holds the signed-in user. On start it restores the session from the refresh cookie
 * (POST /api/auth/refresh, then GET /api/auth/me); it signs out whenever the client loses its
 * token (a refresh that failed, a logout).
 */
export function AuthProvider({ children }: AuthProviderProps) {
  const [session, setSession] = useState<SessionState>({ ...signedOut, status: 'restoring' });

  useSessionRestore(setSession);

  const startSession = useCallback(async (accessToken: string) => {
    client.setAccessToken(accessToken);
    const user = await getProfile();
    setSession({ ...signedOut, status: 'signedIn', user });
  }, []);

  const login = useCallback(
    async (input: LoginRequest) => startSession((await loginRequest(input)).access_token),
    [startSession],
  );

  const register = useCallback(
    async (input: RegisterInput) => startSession((await registerRequest(input)).access_token),
    [startSession],
  );

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } catch {
      // Still forget the token locally; the server-side session expires on its own.
    } finally {
      setSession({ ...signedOut, loggedOut: true });
      client.setAccessToken(null);
    }
  }, []);

  const endSession = useCallback((notice: string) => {
    setSession({ ...signedOut, loggedOut: true, signedOutNotice: notice });
    client.setAccessToken(null);
  }, []);

  const setUser = useCallback(
    (user: Profile) => setSession({ ...signedOut, status: 'signedIn', user }),
    [],
  );
  const setAccessToken = useCallback((token: string) => client.setAccessToken(token), []);
  const getAccessToken = useCallback(() => client.getAccessToken(60), []);

  const value = useMemo<AuthContextValue>(
    () => ({
      ...session,
      login,
      register,
      logout,
      endSession,
      setUser,
      setAccessToken,
      getAccessToken,
    }),
    [session, login, register, logout, endSession, setUser, setAccessToken, getAccessToken],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
