import type { RouteObject } from 'react-router';
import { ChangePasswordPage } from '../auth/change-password-page';
import { ForgotPasswordPage } from '../auth/forgot-password-page';
import { LoginPage } from '../auth/login-page';
import { ProfilePage } from '../auth/profile-page';
import { GuestOnlyRoute, ProtectedRoute } from '../auth/protected-route';
import { RegisterPage } from '../auth/register-page';
import { ResetPasswordPage } from '../auth/reset-password-page';
import { DEFAULT_AFTER_REGISTER } from '../auth/redirect';
import { FullPageSpinner } from '../components/spinner';
import { JoinPage } from '../courses/join-page';
import { RoleRoute } from '../courses/role-route';
import { canTeach, isAdmin } from '../courses/roles';
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
      // A forgotten password: open to anyone (a signed-in student may follow a mailed link too).
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
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
          // Classes (issue 20): a student joins through the link; instructors run their classes.
          { path: 'join/:code', element: <JoinPage /> },
          {
            element: (
              <RoleRoute allow={canTeach} explanation="Only instructors have classes to manage." />
            ),
            children: [
              {
                path: 'classes',
                lazy: async () => ({
                  Component: (await import('../courses/classes-page')).ClassesPage,
                }),
              },
              {
                path: 'classes/:classId',
                lazy: async () => ({
                  Component: (await import('../courses/class-settings-page')).ClassSettingsPage,
                }),
              },
              {
                path: 'classes/:classId/dashboard',
                lazy: async () => ({
                  Component: (await import('../courses/dashboard-page')).DashboardPage,
                }),
              },
              {
                path: 'classes/:classId/students/:userId',
                lazy: async () => ({
                  Component: (await import('../courses/student-history-page')).StudentHistoryPage,
                }),
              },
            ],
          },
          {
            element: (
              <RoleRoute allow={isAdmin} explanation="Only administrators can see this page." />
            ),
            children: [
              {
                path: 'admin',
                lazy: async () => ({ Component: (await import('../admin/admin-page')).AdminPage }),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
