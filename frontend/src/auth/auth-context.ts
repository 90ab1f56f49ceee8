import type { LoginRequest, Profile, RegisterInput } from '@tutor/shared/auth';
import { createContext, useContext } from 'react';

/** restoring: the app is asking the server whether the refresh cookie still holds a session. */
export type AuthStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface AuthContextValue {
  status: AuthStatus;
  user: Profile | null;
  /** True after the user logged out themselves (not a lost session): no redirect-back then. */
  loggedOut: boolean;
  /** Why the session ended, to show on the landing page (the account was deleted). */
  signedOutNotice: string | null;
  login(input: LoginRequest): Promise<void>;
  register(input: RegisterInput): Promise<void>;
  logout(): Promise<void>;
  /** Forgets the session here without asking the server (it already ended it), with a notice. */
  endSession(notice: string): void;
  /** Replaces the profile held in memory (after the profile page saved it). */
  setUser(profile: Profile): void;
  /** Starts using a new access token (the server may issue one on a password change). */
  setAccessToken(token: string): void;
  /**
   * The access token for WebSocket URLs (`?token=`), refreshed first when it expires within
   * 60 seconds. Null when signed out.
   */
  getAccessToken(): Promise<string | null>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
