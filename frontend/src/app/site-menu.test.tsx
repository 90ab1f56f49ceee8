import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { SiteMenu } from './site-menu';

const routes = [
  {
    path: '/modules',
    element: (
      <>
        <SiteMenu />
        <button type="button">Elsewhere</button>
      </>
    ),
  },
  { path: '/chat', element: <p>chat page</p> },
];

describe('SiteMenu', () => {
  it('is a button that opens the main links; Escape closes it and gives the button focus back', async () => {
    const user = userEvent.setup();
    renderRoutes(routes, '/modules', fakeAuth({ status: 'signedIn' }));
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const button = within(nav).getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(within(nav).queryByRole('link')).not.toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Chat', 'Modules', 'Profile']);
    expect(within(nav).getByRole('button', { name: 'Log out' })).toBeVisible();

    await user.tab();
    expect(within(nav).getByRole('link', { name: 'Chat' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('closes on a click elsewhere and when focus leaves it; its links navigate', async () => {
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/modules', fakeAuth({ status: 'signedIn' }));
    const button = screen.getByRole('button', { name: 'Menu' });

    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.click(button);
    await user.tab(); // Chat
    await user.tab(); // Modules
    await user.tab(); // Profile
    await user.tab(); // Log out
    await user.tab(); // out of the menu
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.click(button);
    await user.click(screen.getByRole('link', { name: 'Chat' }));
    expect(router.state.location.pathname).toBe('/chat');
  });
});
