import { Navigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { SignedOutNotice } from '../auth/signed-out-notice';
import { FullPageSpinner } from '../components/spinner';
import { LandingPage } from './landing-page';

/** `/`: visitors see what the app is; a signed-in student goes to their modules. */
export function HomeRoute() {
  const { status } = useAuth();
  if (status === 'restoring') return <FullPageSpinner label="Restoring your session" />;
  if (status === 'signedIn') return <Navigate to="/modules" replace />;
  return (
    <>
      <SignedOutNotice />
      <LandingPage />
    </>
  );
}
