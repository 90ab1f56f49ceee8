import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownMessage } from './markdown-message';

afterEach(cleanup);

describe('MarkdownMessage', () => {
  it('renders inline and display maths with KaTeX', () => {
    const { container } = render(
      <MarkdownMessage
        content={
          'The determinant $\\det(A)$ of\n\n$$A = \\begin{pmatrix}1 & 2\\\\3 & 4\\end{pmatrix}$$'
        }
      />,
    );
    expect(container.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(2);
    expect(container.querySelector('.katex-display')).not.toBeNull();
  });

  it('shows a one-line $$…$$ paragraph as display maths', () => {
    const { container } = render(
      <MarkdownMessage content={'Compute\n\n$$\\det(A) = ad - bc$$\n\nthen $$x$$ inline.'} />,
    );
    expect(container.querySelectorAll('.katex-display')).toHaveLength(1);
    expect(container.querySelectorAll('.katex')).toHaveLength(2);
  });

  it('highlights registered languages and leaves unknown ones as plain code', () => {
    const { container } = render(
      <MarkdownMessage
        content={'```python\nimport numpy as np\n```\n\n```fortran\nprogram x\n```'}
      />,
    );
    const blocks = container.querySelectorAll('pre code');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.querySelector('.hljs-keyword')?.textContent).toBe('import');
    expect(blocks[1]!.textContent).toContain('program x');
    expect(screen.getByText('python')).toBeInTheDocument();
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    const { container } = render(
      <MarkdownMessage
        content={'Hi <img src=x onerror="alert(1)"> and <script>alert(2)</script>'}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('opens links in a new tab without an opener and drops javascript: links', () => {
    render(
      <MarkdownMessage content={'[docs](https://numpy.org) and [bad](javascript:alert(1))'} />,
    );
    const docs = screen.getByRole('link', { name: 'docs' });
    expect(docs).toHaveAttribute('target', '_blank');
    expect(docs.getAttribute('rel')).toContain('noopener');
    const bad = screen.getByText('bad');
    expect(bad.getAttribute('href') ?? '').not.toContain('javascript');
  });

  it('copies a code block with the keyboard and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<MarkdownMessage content={'```python\nx = np.eye(3)\n```'} />);
    const button = screen.getByRole('button', { name: 'Copy code' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(writeText).toHaveBeenCalledWith('x = np.eye(3)');
    expect(await screen.findByRole('button', { name: 'Code copied' })).toHaveTextContent('Copied');
  });
});
