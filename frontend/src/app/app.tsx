import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { AuthProvider } from '../auth/auth-provider';
import { ForgetPreviousUserData } from './forget-previous-user-data';
import { routes } from './routes';

const router = createBrowserRouter(routes);
const queryClient = createQueryClient();

/** The providers around the router: the session and the data cache are known to every page. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <ForgetPreviousUserData />
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
