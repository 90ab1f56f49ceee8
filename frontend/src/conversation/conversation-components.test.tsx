import { MAX_MESSAGE_CHARS } from '@tutor/shared/chat';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatInput } from './chat-input';
import { ConnectionStatus } from './connection-status';
import { DISCLAIMER } from './disclaimer';
import { ConversationPanel } from './conversation-panel';
import { HintLadder } from './hint-ladder';
import type { Conversation } from './use-conversation';
import { initialConversationState } from './conversation-state';

afterEach(cleanup);

describe('ChatInput', () => {
  it('sends on Enter, adds a line on Shift+Enter, and clears the draft', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn(async () => true);
    render(<ChatInput onSend={onSend} onStop={vi.fn()} answering={false} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'line one{Shift>}{Enter}{/Shift}line two');
    expect(box).toHaveValue('line one\nline two');
    expect(onSend).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledWith('line one\nline two');
    expect(box).toHaveValue('');
  });

  it('keeps the draft when the message could not be sent, and never sends blank text', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn(async () => false);
    render(<ChatInput onSend={onSend} onStop={vi.fn()} answering={false} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    await user.clear(box);
    await user.type(box, 'keep me{Enter}');
    expect(onSend).toHaveBeenCalledOnce();
    expect(box).toHaveValue('keep me');
  });

  it('offers Stop instead of Send while answering', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn(async () => true);
    const onStop = vi.fn();
    render(<ChatInput onSend={onSend} onStop={onStop} answering />);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'next{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledOnce();
  });

  it('shows the count near the limit and refuses a message over it', () => {
    const onSend = vi.fn(async () => true);
    render(<ChatInput onSend={onSend} onStop={vi.fn()} answering={false} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'x'.repeat(100) } });
    expect(screen.queryByText(/characters/)).toBeNull();
    fireEvent.change(box, { target: { value: 'x'.repeat(MAX_MESSAGE_CHARS - 10) } });
    expect(screen.getByText('7,990 / 8,000 characters')).toBeInTheDocument();
    fireEvent.change(box, { target: { value: 'x'.repeat(MAX_MESSAGE_CHARS + 1) } });
    expect(screen.getByText(/too long to send/)).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });
});

describe('HintLadder', () => {
  it('shows the level as an accessible progress bar and asks for the next hint', async () => {
    const user = userEvent.setup();
    const onNextHint = vi.fn();
    const { rerender } = render(<HintLadder level={2} onNextHint={onNextHint} canRequestNext />);
    const bar = screen.getByRole('progressbar', { name: 'Hint level' });
    expect(bar).toHaveAttribute('aria-valuenow', '2');
    expect(bar).toHaveAttribute('aria-valuemax', '5');
    expect(bar).toHaveAttribute('aria-valuetext', 'Hint 2 of 5: Concept');
    expect(screen.getByTestId('hint-level')).toHaveTextContent('Hint 2 of 5');
    await user.click(screen.getByRole('button', { name: 'Next hint' }));
    expect(onNextHint).toHaveBeenCalledOnce();

    rerender(<HintLadder level={2} onNextHint={onNextHint} canRequestNext={false} />);
    expect(screen.getByRole('button', { name: 'Next hint' })).toBeDisabled();
    rerender(<HintLadder level={5} onNextHint={onNextHint} canRequestNext />);
    expect(screen.queryByRole('button', { name: 'Next hint' })).toBeNull();
    rerender(<HintLadder level={null} onNextHint={onNextHint} canRequestNext />);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it("stops offering the next hint at the class's cap and says why", () => {
    const { rerender } = render(
      <HintLadder level={1} onNextHint={vi.fn()} canRequestNext maxLevel={2} />,
    );
    expect(screen.getByRole('button', { name: 'Next hint' })).toBeEnabled();
    expect(screen.queryByTestId('hint-cap')).toBeNull();
    rerender(<HintLadder level={2} onNextHint={vi.fn()} canRequestNext maxLevel={2} />);
    expect(screen.queryByRole('button', { name: 'Next hint' })).toBeNull();
    expect(screen.getByTestId('hint-cap')).toHaveTextContent('The highest hint your class allows');
    expect(screen.getByTestId('hint-level')).toHaveTextContent('Hint 2 of 5');
  });

  it('asks the student to try their code when the tutor waits for an attempt', () => {
    const { rerender } = render(<HintLadder level={3} onNextHint={vi.fn()} canRequestNext />);
    expect(screen.queryByText('Try your code, then ask for the next hint')).toBeNull();
    rerender(<HintLadder level={3} onNextHint={vi.fn()} canRequestNext needsAttempt />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Try your code, then ask for the next hint',
    );
    // Still allowed: the student decides.
    expect(screen.getByRole('button', { name: 'Next hint' })).toBeEnabled();
  });
});

describe('HintLadder: where it starts', () => {
  it('says why it starts above hint 1 and offers to start from hint 1', async () => {
    const user = userEvent.setup();
    const onStartOver = vi.fn();
    const reason = 'Starting at hint 3: this looks hard for your level in programming.';
    const { rerender } = render(
      <HintLadder
        level={3}
        onNextHint={vi.fn()}
        canRequestNext
        startReason={reason}
        onStartOver={onStartOver}
        canStartOver
      />,
    );
    expect(screen.getByTestId('start-reason')).toHaveTextContent(reason);
    await user.click(screen.getByRole('button', { name: 'Start from hint 1' }));
    expect(onStartOver).toHaveBeenCalledOnce();
    rerender(
      <HintLadder
        level={1}
        onNextHint={vi.fn()}
        canRequestNext
        startReason="Starting at hint 1: a question first."
        onStartOver={onStartOver}
        canStartOver
      />,
    );
    expect(screen.getByTestId('start-reason')).toHaveTextContent('a question first');
    expect(screen.queryByRole('button', { name: 'Start from hint 1' })).toBeNull();
    rerender(<HintLadder level={3} onNextHint={vi.fn()} canRequestNext />);
    expect(screen.queryByTestId('start-reason')).toBeNull();
  });
});

describe('ConnectionStatus', () => {
  it('names each state and counts down to the next attempt', () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ConnectionStatus state={{ status: 'connecting' }} />);
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Connecting…');
    rerender(<ConnectionStatus state={{ status: 'connected' }} onRetry={onRetry} />);
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Connected');
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    rerender(
      <ConnectionStatus
        state={{ status: 'reconnecting', retryAt: Date.now() + 4200, attempt: 3 }}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Reconnecting in 5s');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetry).toHaveBeenCalledOnce();
    rerender(<ConnectionStatus state={{ status: 'offline', reason: 'You are offline.' }} />);
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Offline: You are offline.');
  });
});

describe('ConversationPanel', () => {
  const base: Conversation = {
    ...initialConversationState,
    connection: { status: 'connected' },
    sessionId: null,
    send: vi.fn(async () => true),
    stop: vi.fn(),
    nextHint: vi.fn(async () => true),
    canRequestNextHint: false,
    startOver: vi.fn(async () => true),
    canSend: true,
    dismissError: vi.fn(),
    reconnect: vi.fn(),
  };

  it('shows the welcome on an empty session and the disclaimer under the input', () => {
    render(<ConversationPanel conversation={base} welcome={<p>Hi Ada</p>} />);
    expect(screen.getByText('Hi Ada')).toBeInTheDocument();
    expect(screen.getByText(DISCLAIMER)).toBeInTheDocument();
  });

  it('streams the answer with the offline label, a stop button and the error inline', async () => {
    const user = userEvent.setup();
    render(
      <ConversationPanel
        conversation={{
          ...base,
          answering: true,
          streaming: 'The determinant $\\det A$',
          tutorLabel: 'Offline tutor',
          offline: true,
          hintLevel: 1,
          error: 'Something failed',
          messages: [{ id: 'u1', role: 'user', content: 'q', hintLevel: null, status: 'complete' }],
        }}
        welcome={<p>Hi Ada</p>}
      />,
    );
    expect(screen.queryByText('Hi Ada')).toBeNull();
    expect(screen.getAllByText('Offline tutor').length).toBeGreaterThanOrEqual(1);
    expect(document.querySelector('[data-streaming] .katex')).not.toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('Something failed');
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(base.stop).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Dismiss the error' }));
    expect(base.dismissError).toHaveBeenCalled();
  });

  it('disables sending while disconnected and says why', () => {
    render(<ConversationPanel conversation={{ ...base, connection: { status: 'connecting' } }} />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveAttribute(
      'placeholder',
      'Waiting for the connection…',
    );
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });
});
