import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeBlock } from './code-block';

afterEach(cleanup);

/** jsdom does no layout: give the block the widths a narrow pane would. */
function setWidths(element: HTMLElement, widths: { scroll: number; client: number }) {
  Object.defineProperty(element, 'scrollWidth', { configurable: true, value: widths.scroll });
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: widths.client });
}

const LONG_LINE = `result = np.linalg.solve(${'A_very_long_matrix_name + '.repeat(8)}b)`;

describe('CodeBlock', () => {
  it('marks a block whose lines are cut off, and makes it focusable and labelled', () => {
    const { container, rerender } = render(
      <CodeBlock>
        <code className="language-python">{LONG_LINE}</code>
      </CodeBlock>,
    );
    const pre = container.querySelector('pre')!;
    setWidths(pre, { scroll: 900, client: 300 });
    // A render after the content grew (as a streamed answer does) measures again.
    rerender(
      <CodeBlock>
        <code className="language-python">{`${LONG_LINE}\n`}</code>
      </CodeBlock>,
    );

    const region = screen.getByRole('region', { name: 'python block, scrolls sideways' });
    expect(region).toBe(pre);
    expect(pre).toHaveAttribute('tabindex', '0');
    expect(screen.getByTestId('code-fade-right')).toBeInTheDocument();
    expect(screen.queryByTestId('code-fade-left')).toBeNull();

    // Scrolled to the end: the fade moves to the side that now hides text.
    pre.scrollLeft = 600;
    fireEvent.scroll(pre);
    expect(screen.queryByTestId('code-fade-right')).toBeNull();
    expect(screen.getByTestId('code-fade-left')).toBeInTheDocument();

    pre.scrollLeft = 200;
    fireEvent.scroll(pre);
    expect(screen.getByTestId('code-fade-right')).toBeInTheDocument();
    expect(screen.getByTestId('code-fade-left')).toBeInTheDocument();
  });

  it('leaves a block that fits alone: no fade, not a tab stop', () => {
    const { container, rerender } = render(
      <CodeBlock>
        <code>x = 1</code>
      </CodeBlock>,
    );
    const pre = container.querySelector('pre')!;
    setWidths(pre, { scroll: 300, client: 300 });
    rerender(
      <CodeBlock>
        <code>x = 2</code>
      </CodeBlock>,
    );
    expect(pre).not.toHaveAttribute('tabindex');
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByTestId('code-fade-right')).toBeNull();
  });
});
