import type { ReactNode } from 'react';
import { Alert } from '../components/alert';
import { ChatInput } from './chat-input';
import { ConnectionStatus } from './connection-status';
import { ConversationView } from './conversation-view';
import { Disclaimer } from './disclaimer';
import { HintLadder } from './hint-ladder';
import type { Conversation } from './use-conversation';

interface ConversationPanelProps {
  conversation: Conversation;
  /** Shown on an empty session. */
  welcome?: ReactNode;
  /** Extra controls at the top (e.g. the sidebar toggle). */
  toolbar?: ReactNode;
  placeholder?: string;
  /** Shown just above the input (the tutor says which cell it is looking at). */
  aboveInput?: ReactNode;
  /** Why the input is off although connected (a class turned the tutor or the chat off). */
  blockedReason?: string | null;
  /** The highest hint level a class allows here (the server caps it; the ladder stops there). */
  maxHintLevel?: number;
}

/**
 * Everything a conversation needs on screen: status bar, messages, errors, hint ladder, input and
 * disclaimer. The chat page and the workspace tutor panel both render this around `useConversation`.
 */
export function ConversationPanel({
  conversation,
  welcome,
  toolbar,
  placeholder,
  aboveInput,
  blockedReason = null,
  maxHintLevel,
}: ConversationPanelProps) {
  const { connection } = conversation;
  const connected = connection.status === 'connected';
  let disabledReason: string | undefined;
  if (blockedReason) disabledReason = blockedReason;
  else if (conversation.loading) disabledReason = 'Loading the conversation…';
  else if (!connected) disabledReason = 'Waiting for the connection…';

  return (
    <section className="flex h-full min-h-0 flex-col" aria-label="Conversation with the tutor">
      <StatusBar conversation={conversation} toolbar={toolbar} />
      <ConversationView
        messages={conversation.messages}
        streaming={conversation.streaming}
        answering={conversation.answering}
        tutorLabel={conversation.tutorLabel}
        loading={conversation.loading}
        welcome={welcome}
      />
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-2 px-4 pt-2 pb-3">
        {conversation.error && (
          <DismissableError message={conversation.error} onDismiss={conversation.dismissError} />
        )}
        <HintLadder
          level={conversation.hintLevel}
          onNextHint={() => void conversation.nextHint()}
          canRequestNext={conversation.canRequestNextHint}
          needsAttempt={conversation.needsAttempt}
          startReason={conversation.startReason}
          onStartOver={() => void conversation.startOver()}
          canStartOver={conversation.canSend}
          maxLevel={maxHintLevel}
        />
        {aboveInput}
        <ChatInput
          onSend={conversation.send}
          onStop={conversation.stop}
          answering={conversation.answering}
          disabled={!connected || conversation.loading || Boolean(blockedReason)}
          disabledReason={disabledReason}
          placeholder={placeholder}
        />
        <Disclaimer />
      </div>
    </section>
  );
}

/** The toolbar, who answers when it is the built-in tutor, and the connection. */
function StatusBar({ conversation, toolbar }: { conversation: Conversation; toolbar: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2">
      <div className="flex items-center gap-3">{toolbar}</div>
      <div className="flex items-center gap-3">
        {conversation.offline && conversation.tutorLabel && (
          <span
            className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
            title="No language model is configured: the built-in tutor answers."
          >
            {conversation.tutorLabel}
          </span>
        )}
        <ConnectionStatus state={conversation.connection} onRetry={conversation.reconnect} />
      </div>
    </div>
  );
}

function DismissableError({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="flex items-start gap-2">
      <div className="flex-1">
        <Alert tone="error">{message}</Alert>
      </div>
      <button
        type="button"
        onClick={onDismiss}
        className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
        aria-label="Dismiss the error"
      >
        ×
      </button>
    </div>
  );
}
