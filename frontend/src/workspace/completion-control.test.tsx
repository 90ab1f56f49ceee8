import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompletionControl } from './completion-control';
import { buildExercise, buildModuleExercises } from './exercise-fixtures';
import type { ModuleExercisesOut } from './exercise-states';
import { useCompletion } from './use-completion';
import type { WorkspaceData } from './use-workspace-data';

afterEach(cleanup);

function control(overrides: Partial<Parameters<typeof CompletionControl>[0]> = {}) {
  const props = {
    status: 'in_progress' as const,
    canChange: true,
    changing: false,
    exercises: { passed: 6, total: 9 },
    onComplete: vi.fn(),
    onReopen: vi.fn(),
    ...overrides,
  };
  return { props, view: render(<CompletionControl {...props} />) };
}

describe('CompletionControl', () => {
  it('asks first while some exercises have not passed; Cancel changes nothing', async () => {
    const user = userEvent.setup();
    const { props } = control();
    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Mark this module as completed?' });
    expect(dialog).toHaveAccessibleDescription(
      '3 of 9 exercises have not passed their checks yet. Mark as completed anyway?',
    );
    // The safe choice has the focus; Escape is Cancel too.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(props.onComplete).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Mark as completed' }),
    );
    expect(props.onComplete).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('marks at once when every exercise passed, or when the exercises are not known', async () => {
    const user = userEvent.setup();
    const first = control({ exercises: { passed: 9, total: 9 } });
    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    expect(first.props.onComplete).toHaveBeenCalledOnce();
    first.view.unmount();
    const second = control({ exercises: null });
    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    expect(second.props.onComplete).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says "1 of 9 exercises has not passed"', async () => {
    control({ exercises: { passed: 8, total: 9 } });
    await userEvent.click(screen.getByRole('button', { name: 'Mark as completed' }));
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription(
      /^1 of 9 exercises has not passed their checks yet\./,
    );
  });

  it('offers "Reopen" for a completed module, only on a click', async () => {
    const { props } = control({ status: 'completed' });
    expect(screen.getByText('Completed ✓')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as completed' })).toBeNull();
    expect(props.onReopen).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(props.onReopen).toHaveBeenCalledOnce();
    cleanup();
    control({ status: 'completed', changing: true });
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeDisabled();
  });
});

function workspaceData(overrides: Partial<WorkspaceData> = {}): WorkspaceData {
  return {
    module: null,
    progress: {
      id: null,
      module_id: 'm',
      status: 'in_progress',
      attempt_count: 0,
      updated_at: null,
      version: 1,
    },
    loadError: null,
    status: 'in_progress',
    changingStatus: false,
    statusError: null,
    complete: vi.fn(),
    reopen: vi.fn(),
    ...overrides,
  };
}

/** The header's control and the callout, as the workspace page shows them. */
function Completion(props: { data: WorkspaceData; exercises: ModuleExercisesOut | null }) {
  const { control: controlProps, callout } = useCompletion(props.data, props.exercises);
  return (
    <>
      <header>
        <CompletionControl {...controlProps} />
      </header>
      {callout}
    </>
  );
}

const allPassed = buildModuleExercises([
  buildExercise({ state: 'passed' }),
  buildExercise({ exercise_id: 'm1-ex2', state: 'passed' }),
]);

describe('the callout when every exercise passes', () => {
  it('offers to mark the module, instead of the header button, until "Not now"', async () => {
    const user = userEvent.setup();
    const data = workspaceData();
    render(<Completion data={data} exercises={allPassed} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'All 2 exercises pass. Mark this module as completed?',
    );
    const buttons = screen.getAllByRole('button', { name: 'Mark as completed' });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0]!);
    expect(data.complete).toHaveBeenCalledOnce();

    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('status')).toBeNull();
    await user.click(
      within(screen.getByRole('banner')).getByRole('button', { name: 'Mark as completed' }),
    );
    expect(data.complete).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('is not shown for a completed module, nor while an exercise has not passed', () => {
    const { rerender } = render(
      <Completion data={workspaceData({ status: 'completed' })} exercises={allPassed} />,
    );
    expect(screen.queryByRole('status')).toBeNull();
    rerender(
      <Completion
        data={workspaceData()}
        exercises={buildModuleExercises([buildExercise({ state: 'passed' }), buildExercise()])}
      />,
    );
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<Completion data={workspaceData()} exercises={buildModuleExercises([])} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
