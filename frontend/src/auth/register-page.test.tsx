import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { fakeAuth, renderRoutes } from '../test/auth-test-utils';
import { RegisterPage } from './register-page';

function renderRegister(register = vi.fn(async () => {})) {
  const auth = fakeAuth({ register });
  renderRoutes([{ path: '/register', element: <RegisterPage /> }], '/register', auth);
  return { register };
}

async function fillForm(values: {
  email?: string;
  username?: string;
  password?: string;
  confirm?: string;
}) {
  const user = userEvent.setup();
  if (values.email) await user.type(screen.getByLabelText('Email'), values.email);
  if (values.username) await user.type(screen.getByLabelText('Username'), values.username);
  if (values.password) await user.type(screen.getByLabelText('Password'), values.password);
  if (values.confirm) await user.type(screen.getByLabelText('Repeat password'), values.confirm);
  return user;
}

describe('RegisterPage', () => {
  it('is titled "Tell us about you" and has two Beginner-to-Expert sliders', () => {
    renderRegister();
    expect(screen.getByRole('heading', { name: 'Tell us about you' })).toBeInTheDocument();
    const sliders = screen.getAllByRole('slider');
    expect(sliders.map((slider) => slider.getAttribute('aria-valuetext'))).toEqual([
      '3 of 5, Intermediate',
      '3 of 5, Intermediate',
    ]);
    expect(screen.getByLabelText('Programming')).toHaveAttribute('min', '1');
    expect(screen.getByLabelText('Maths')).toHaveAttribute('max', '5');
  });

  it('shows field errors for a short password and a mismatch without sending anything', async () => {
    const { register } = renderRegister();
    const user = await fillForm({
      email: 'ada@example.com',
      username: 'ada',
      password: 'short',
      confirm: 'shorter',
    });
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(
      'At least 8 characters, and hard to guess: a few uncommon words work well. Password must be at least 8 characters',
    );
    expect(screen.getByLabelText('Repeat password')).toHaveAccessibleDescription(
      'Passwords do not match',
    );
    expect(password).toHaveFocus();
    expect(register).not.toHaveBeenCalled();
  });

  it('sends the normalised request with the chosen levels', async () => {
    const { register } = renderRegister();
    const user = await fillForm({
      email: 'Ada@Example.com',
      username: 'ada',
      password: 'a long enough password',
      confirm: 'a long enough password',
    });
    // jsdom has no native range behaviour for arrow keys; set the values as the browser would.
    fireEvent.change(screen.getByLabelText('Programming'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Maths'), { target: { value: '2' } });
    expect(screen.getByLabelText('Programming')).toHaveAttribute(
      'aria-valuetext',
      '5 of 5, Expert',
    );
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(register).toHaveBeenCalledExactlyOnceWith({
      email: 'ada@example.com',
      username: 'ada',
      password: 'a long enough password',
      programming_level: 5,
      maths_level: 2,
    });
  });

  it('shows "Email already registered" next to the email field', async () => {
    const register = vi.fn(async () => {
      throw new ApiError(400, 'bad_request', 'Email already registered', ['email']);
    });
    renderRegister(register);
    const user = await fillForm({
      email: 'ada@example.com',
      username: 'ada',
      password: 'a long enough password',
      confirm: 'a long enough password',
    });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const email = await screen.findByLabelText('Email');
    await vi.waitFor(() => expect(email).toHaveAccessibleDescription('Email already registered'));
    expect(email).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Log in instead' })).toHaveAttribute('href', '/login');
  });

  it('rates the password as it is typed and refuses a guessable one without sending it', async () => {
    const { register } = renderRegister();
    const user = await fillForm({
      email: 'ada@example.com',
      username: 'ada',
      password: 'password1',
      confirm: 'password1',
    });
    const meter = screen.getByTestId('password-meter');
    await vi.waitFor(() => expect(meter).toHaveAttribute('data-score', '0'), { timeout: 10_000 });
    expect(meter).toHaveTextContent('Strength: Very weak. This is a commonly used password.');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(
      /Password is too easy to guess\. This is a commonly used password\./,
    );
    expect(password).toHaveFocus();
    expect(register).not.toHaveBeenCalled();

    await user.clear(password);
    await user.type(password, 'purple monkey dishwasher');
    await vi.waitFor(() => expect(meter).toHaveAttribute('data-score', '4'), { timeout: 10_000 });
    expect(meter).toHaveTextContent('Strength: Very strong.');
  });

  it('shows a rate limit as a form alert with the wait', async () => {
    const register = vi.fn(async () => {
      throw new ApiError(429, 'too_many_requests', 'Too many attempts.', [], 30);
    });
    renderRegister(register);
    const user = await fillForm({
      email: 'ada@example.com',
      username: 'ada',
      password: 'a long enough password',
      confirm: 'a long enough password',
    });
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 30 seconds.',
    );
  });

  it('disables the submit button while the request is pending', async () => {
    let finish!: () => void;
    const register = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderRegister(register);
    const user = await fillForm({
      email: 'ada@example.com',
      username: 'ada',
      password: 'a long enough password',
      confirm: 'a long enough password',
    });
    const submit = screen.getByRole('button', { name: /Create account/ });
    await user.click(submit);
    expect(submit).toBeDisabled();
    await user.click(submit);
    expect(register).toHaveBeenCalledTimes(1);
    finish();
    await vi.waitFor(() => expect(submit).toBeEnabled());
  });
});
