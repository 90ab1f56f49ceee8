import { createBrowserRouter, RouterProvider } from 'react-router';
import { AuthProvider } from '../auth/auth-provider';
import { routes } from './routes';

const router = createBrowserRouter(routes);

/** The providers around the router: the session is known to every page. */
export function App() {
  return (
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  );
}
