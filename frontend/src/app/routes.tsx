import { Navigate, type RouteObject } from 'react-router';
import { ChangePasswordPage } from '../auth/change-password-page';
import { LoginPage } from '../auth/login-page';
import { ProfilePage } from '../auth/profile-page';
import { GuestOnlyRoute, ProtectedRoute } from '../auth/protected-route';
import { RegisterPage } from '../auth/register-page';
import { ChatPage } from '../chat/chat-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { ModulesPlaceholderPage } from './placeholders';

/** Every page of the app. Pages that need an account go under ProtectedRoute. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/chat" replace /> },
      {
        element: <GuestOnlyRoute />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'register', element: <RegisterPage /> },
        ],
      },
      {
        element: <ProtectedRoute />,
        children: [
          { path: 'chat/:sessionId?', element: <ChatPage /> },
          { path: 'modules', element: <ModulesPlaceholderPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'profile/password', element: <ChangePasswordPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
