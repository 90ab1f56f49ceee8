import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';

/** Logging out from the navigation: ends the session, then shows the login page. */
export function useLogout() {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);

  async function handleLogout() {
    setLoggingOut(true);
    try {
      await logout();
      await navigate('/login', { replace: true });
    } finally {
      setLoggingOut(false);
    }
  }

  return { loggingOut, handleLogout };
}
