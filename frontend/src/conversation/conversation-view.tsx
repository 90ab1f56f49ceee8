import { useEffect, useRef, type ReactNode } from 'react';
import { Spinner } from '../components/spinner';
import type { ConversationMessage } from './conversation-state';
import { MarkdownMessage } from './markdown-message';

interface ConversationViewProps {
  messages: ConversationMessage[];
  /** The answer being streamed (null when none). */
  streaming: string | null;
  answering: boolean;
  /** Who answers, e.g. "Offline tutor": shown on the streamed answer. */
  tutorLabel?: string | null;
  loading?: boolean;
  /** Shown when there are no messages yet. */
  welcome?: ReactNode;
}

const statusNotes: Partial<Record<ConversationMessage['status'], string>> = {
  stopped: 'Stopped',
  incomplete: 'Incomplete answer',
  failed: 'Not sent',
};

function MessageItem({ message }: { message: ConversationMessage }) {
  const note = statusNotes[message.status];
  if (message.role === 'user') {
    return (
      <li className="flex flex-col items-end" data-role="user">
        <div className="max-w-[85%] rounded-lg bg-brand-700 px-4 py-2 text-sm whitespace-pre-wrap text-white">
          <span className="sr-only">You: </span>
          {message.content}
        </div>
        {note && <span className="mt-1 text-xs text-red-700">{note}</span>}
      </li>
    );
  }
  return (
    <li className="flex flex-col items-start" data-role="assistant">
      <AssistantHeader label={message.tutorLabel} />
      <div className="w-full max-w-[95%] rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-900">
        <MarkdownMessage content={message.content} />
      </div>
      {note && <span className="mt-1 text-xs text-amber-700">{note}</span>}
    </li>
  );
}

function AssistantHeader({ label }: { label?: string | null }) {
  return (
    <div className="mb-1 flex items-center gap-2 text-xs text-slate-600">
      <span className="font-medium text-slate-800">Tutor</span>
      {label && (
        <span
          className="rounded-full bg-slate-200 px-2 py-0.5 text-slate-700"
          data-testid="tutor-label"
        >
          {label}
        </span>
      )}
    </div>
  );
}

/** The message list with the answer being streamed, or a welcome when the session is empty. */
export function ConversationView({
  messages,
  streaming,
  answering,
  tutorLabel,
  loading = false,
  welcome,
}: ConversationViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  function handleScroll() {
    const element = scrollRef.current;
    if (!element) return;
    stickToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
  }

  // Follow the answer as it grows, unless the student scrolled up to read.
  useEffect(() => {
    const element = scrollRef.current;
    if (element && stickToBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages, streaming, answering]);

  const empty = messages.length === 0 && !answering;

  return (
    <div
      ref={scrollRef}
      onScroll={handleScroll}
      className="min-h-0 flex-1 overflow-y-auto px-4 py-4"
    >
      {loading ? (
        <div className="flex justify-center py-10">
          <Spinner label="Loading the conversation" />
        </div>
      ) : empty ? (
        welcome
      ) : (
        // The live region is a wrapper: an <ol> given role="log" is no longer a list, and its
        // items would be list items outside any list (axe: listitem, serious).
        <div role="log" aria-label="Conversation" aria-busy={answering}>
          <ol className="mx-auto flex max-w-3xl flex-col gap-4">
            {messages.map((message) => (
              <MessageItem key={message.id} message={message} />
            ))}
            {answering && (
              <li className="flex flex-col items-start" data-role="assistant" data-streaming="true">
                <AssistantHeader label={tutorLabel} />
                <div className="w-full max-w-[95%] rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-900">
                  {streaming ? (
                    <MarkdownMessage content={streaming} />
                  ) : (
                    <Spinner label="The tutor is thinking" className="size-4" />
                  )}
                </div>
              </li>
            )}
          </ol>
        </div>
      )}
    </div>
  );
}
