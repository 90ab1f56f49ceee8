import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { WorkspaceTabs, type WorkspaceTab } from './workspace-tabs';

function Harness() {
  const [tab, setTab] = useState<WorkspaceTab>('notebook');
  return <WorkspaceTabs tab={tab} onChange={setTab} />;
}

describe('WorkspaceTabs', () => {
  it('is one Tab stop; arrow keys, Home and End move between the tabs and select them', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const notebook = screen.getByRole('tab', { name: 'Notebook' });
    const tutor = screen.getByRole('tab', { name: 'Tutor' });
    expect(screen.getByRole('tablist', { name: 'Workspace panes' })).toBeInTheDocument();
    expect(notebook).toHaveAttribute('aria-selected', 'true');
    expect(notebook).toHaveAttribute('aria-controls', 'workspace-notebook-pane');
    expect(tutor).toHaveAttribute('tabindex', '-1');

    await user.tab();
    expect(notebook).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tutor).toHaveFocus();
    expect(tutor).toHaveAttribute('aria-selected', 'true');
    expect(notebook).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{ArrowRight}');
    expect(notebook).toHaveFocus();
    await user.keyboard('{End}');
    expect(tutor).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(notebook).toHaveAttribute('aria-selected', 'true');
    await user.click(tutor);
    expect(tutor).toHaveAttribute('aria-selected', 'true');
  });
});
