import { MAX_MESSAGE_CHARS } from '@tutor/shared/chat';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

/** The counter appears once a message gets this close to the limit. */
const SHOW_COUNT_FROM = MAX_MESSAGE_CHARS - 1000;

interface ChatInputProps {
  /** Sends the message; resolves false when it was not sent (the draft is kept). */
  onSend: (content: string) => Promise<boolean> | boolean;
  onStop: () => void;
  /** An answer is on its way: sending is disabled and Stop is offered. */
  answering: boolean;
  /** Sending is impossible for another reason (not connected, loading). */
  disabled?: boolean;
  /** Why sending is disabled, shown to screen readers and as the placeholder. */
  disabledReason?: string;
  placeholder?: string;
}

/** The message being written; `submit` sends it and keeps it when it did not go out. */
function useDraft(onSend: ChatInputProps['onSend'], ready: boolean) {
  const [draft, setDraft] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const tooLong = draft.length > MAX_MESSAGE_CHARS;
  const canSend = ready && draft.trim() !== '' && !tooLong;

  async function submit() {
    if (!canSend) return;
    const content = draft;
    setDraft('');
    const sent = await onSend(content);
    // Keep what the student wrote if it did not go out.
    if (!sent) setDraft((current) => (current === '' ? content : current));
    textareaRef.current?.focus();
  }

  return { draft, setDraft, textareaRef, tooLong, canSend, submit };
}

/** Enter sends, Shift+Enter starts a new line; a Stop button replaces Send while answering. */
export function ChatInput({
  onSend,
  onStop,
  answering,
  disabled = false,
  disabledReason,
  placeholder = 'Ask about your code or a maths question…',
}: ChatInputProps) {
  const { draft, setDraft, textareaRef, tooLong, canSend, submit } = useDraft(
    onSend,
    !answering && !disabled,
  );
  const counterId = useId();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  const showCount = draft.length >= SHOW_COUNT_FROM;

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-1" aria-label="Send a message">
      <div className="flex items-end gap-2">
        <label className="sr-only" htmlFor={`${counterId}-input`}>
          Message
        </label>
        <textarea
          id={`${counterId}-input`}
          ref={textareaRef}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKeyDown}
          rows={2}
          placeholder={disabled && disabledReason ? disabledReason : placeholder}
          aria-describedby={showCount ? counterId : undefined}
          aria-invalid={tooLong || undefined}
          className="max-h-48 min-h-[2.75rem] flex-1 resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-slate-500"
        />
        <SendOrStop
          answering={answering}
          canSend={canSend}
          disabled={disabled}
          disabledReason={disabledReason}
          onStop={onStop}
        />
      </div>
      {showCount && <CharacterCount id={counterId} length={draft.length} />}
    </form>
  );
}

interface SendOrStopProps {
  answering: boolean;
  canSend: boolean;
  disabled: boolean;
  disabledReason?: string;
  onStop: () => void;
}

/** Send, or Stop while an answer is on its way. */
function SendOrStop({ answering, canSend, disabled, disabledReason, onStop }: SendOrStopProps) {
  return answering ? (
    <button
      type="button"
      onClick={onStop}
      className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
    >
      Stop
    </button>
  ) : (
    <button
      type="submit"
      disabled={!canSend}
      title={disabled ? disabledReason : undefined}
      className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-brand-700/60"
    >
      Send
    </button>
  );
}

/** "n / max characters", shown near the limit (the textarea is described by it). */
function CharacterCount({ id, length }: { id: string; length: number }) {
  const tooLong = length > MAX_MESSAGE_CHARS;
  return (
    <p
      id={id}
      className={`text-right text-xs ${tooLong ? 'text-red-700' : 'text-slate-600'}`}
      aria-live="polite"
    >
      {length.toLocaleString('en')} / {MAX_MESSAGE_CHARS.toLocaleString('en')} characters
      {tooLong ? ': too long to send' : ''}
    </p>
  );
}
