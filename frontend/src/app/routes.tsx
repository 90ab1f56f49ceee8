import type { RouteObject } from 'react-router';
import { ChangePasswordPage } from '../auth/change-password-page';
import { LoginPage } from '../auth/login-page';
import { ProfilePage } from '../auth/profile-page';
import { GuestOnlyRoute, ProtectedRoute } from '../auth/protected-route';
import { RegisterPage } from '../auth/register-page';
import { DEFAULT_AFTER_REGISTER } from '../auth/redirect';
import { FullPageSpinner } from '../components/spinner';
import { HomeRoute } from '../landing/home-route';
import type { PageHandle } from '../lib/site-menu';
import { ModuleListPage } from '../modules/module-list-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

/** Every page of the app. Pages that need an account go under ProtectedRoute. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown while the first page's lazily loaded code arrives.
    hydrateFallbackElement: <FullPageSpinner />,
    children: [
      // Visitors see what the app is; signed-in students go to their modules.
      { index: true, element: <HomeRoute /> },
      {
        element: <GuestOnlyRoute />,
        children: [{ path: 'login', element: <LoginPage /> }],
      },
      {
        // A new student starts at the module list, with its first steps.
        element: <GuestOnlyRoute fallback={DEFAULT_AFTER_REGISTER} />,
        children: [{ path: 'register', element: <RegisterPage /> }],
      },
      {
        element: <ProtectedRoute />,
        children: [
          {
            path: 'chat/:sessionId?',
            // Markdown, KaTeX and highlighting load only with the chat, not with the login page.
            lazy: async () => ({ Component: (await import('../chat/chat-page')).ChatPage }),
          },
          { path: 'modules', element: <ModuleListPage /> },
          {
            path: 'workspace/:moduleId',
            // On small screens the workspace's own bar holds the site menu, its title and tabs.
            handle: { ownsCompactBar: true } satisfies PageHandle,
            // The notebook bridge, split layout and chat components load with the workspace only.
            lazy: async () => ({
              Component: (await import('../workspace/workspace-page')).WorkspacePage,
            }),
          },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'profile/password', element: <ChangePasswordPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
