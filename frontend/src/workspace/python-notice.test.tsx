import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PythonNotice } from './python-notice';
import {
  type PythonAction,
  type PythonState,
  initialPythonState,
  pythonReducer,
} from './python-state';

afterEach(cleanup);

const DEAD: PythonAction = {
  type: 'kernel-status',
  payload: {
    status: 'dead',
    message: "Python's packages could not be downloaded. Check the internet connection.",
    detail:
      "ModuleNotFoundError: No module named 'micropip'\nPackages: https://cdn.example/pyodide/",
  },
};

function reduce(...actions: PythonAction[]): PythonState {
  return actions.reduce(pythonReducer, initialPythonState);
}

describe('pythonReducer', () => {
  it('keeps the notice through a retry until Python answers, and forgets refused runs then', () => {
    const down = reduce(DEAD, { type: 'run-refused', index: 4 }, { type: 'run-refused', index: 4 });
    expect(down.down?.message).toMatch(/could not be downloaded/);
    expect(down.refused).toEqual({ index: 4, count: 2 });

    const retrying = reduce(
      DEAD,
      { type: 'retry' },
      { type: 'kernel-status', payload: { status: 'starting' } },
    );
    expect(retrying.down).not.toBeNull();
    expect(retrying.retrying).toBe(true);
    expect(pythonReducer(retrying, DEAD)).toMatchObject({
      retrying: false,
      down: { detail: expect.stringContaining('micropip') },
    });

    const back = pythonReducer(retrying, { type: 'kernel-status', payload: { status: 'idle' } });
    expect(back).toMatchObject({
      down: null,
      retrying: false,
      refused: null,
      kernel: { status: 'idle' },
    });
  });

  it('shows nothing while Python starts the first time', () => {
    expect(reduce({ type: 'kernel-status', payload: { status: 'starting' } }).down).toBeNull();
  });
});

describe('PythonNotice', () => {
  it('says what happened and what still works, with the technical detail behind "Details"', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<PythonNotice state={reduce(DEAD)} onRetry={onRetry} />);
    const notice = screen.getByTestId('python-notice');
    expect(notice).toHaveTextContent('Python could not start, so code cells can’t run.');
    expect(notice).toHaveTextContent("Python's packages could not be downloaded.");
    expect(notice).toHaveTextContent('your work is still saved, and the tutor can still help');

    const detail = screen.getByText(/No module named 'micropip'/);
    expect(detail).not.toBeVisible();
    await user.click(screen.getByText('Details'));
    expect(detail).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('tells a refused run that it cannot run now, and says so again for the next one', () => {
    const { rerender } = render(<PythonNotice state={reduce(DEAD)} />);
    expect(screen.queryByTestId('python-refused-run')).toBeNull();
    const once = reduce(DEAD, { type: 'run-refused', index: 3 });
    rerender(<PythonNotice state={once} />);
    const first = screen.getByTestId('python-refused-run');
    expect(first).toHaveTextContent('Python is not running, so this cell can’t run now.');
    expect(first.closest('[role="status"]')).not.toBeNull();
    rerender(<PythonNotice state={pythonReducer(once, { type: 'run-refused', index: 3 })} />);
    // A new node, so that screen readers announce the second refusal too.
    expect(screen.getByTestId('python-refused-run')).not.toBe(first);
  });

  it('says Python is starting again during a retry, and is gone once Python runs', () => {
    const retrying = reduce(DEAD, { type: 'retry' });
    const { rerender } = render(<PythonNotice state={retrying} onRetry={vi.fn()} />);
    expect(screen.getByTestId('python-notice')).toHaveTextContent('Starting Python again…');
    expect(screen.getByRole('button', { name: 'Trying…' })).toBeDisabled();
    rerender(
      <PythonNotice
        state={pythonReducer(retrying, { type: 'kernel-status', payload: { status: 'idle' } })}
      />,
    );
    expect(screen.queryByTestId('python-notice')).toBeNull();
  });
});
