import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { Alert } from '../components/alert';
import { ConversationPanel } from '../conversation/conversation-panel';
import { PolicyNotice } from '../courses/policy-notice';
import { useChatBlock } from '../courses/use-policy';
import { ChatSidebar, SidebarToggle } from './chat-sidebar';
import { ChatWelcome } from './chat-welcome';
import { useChatConversation } from './use-chat-conversation';
import { useSessions } from './use-sessions';
import { useFillViewport } from '../lib/use-fill-viewport';

function isWideScreen(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 768px)').matches;
}

/** The tutor chat: sessions on the left, the conversation on the right. `/chat/:sessionId?`. */
export function ChatPage() {
  const { sessionId: routeSessionId } = useParams();
  const sessionId = routeSessionId ?? null;
  const navigate = useNavigate();
  const { user } = useAuth();
  const sessions = useSessions();
  const [sidebarOpen, setSidebarOpen] = useState(isWideScreen);
  const [notice, setNotice] = useState<string | null>(null);
  const [pageRef, pageHeight] = useFillViewport();
  const conversation = useChatConversation(sessionId, sessions.reload, setNotice);
  const { notice: policyNotice, blockedReason } = useChatBlock();

  async function handleDelete(id: string) {
    await sessions.remove(id);
    if (id === sessionId) void navigate('/chat', { replace: true });
  }

  function handleNavigate() {
    setNotice(null);
    if (!isWideScreen()) setSidebarOpen(false);
  }

  return (
    <div
      ref={pageRef}
      style={{ height: pageHeight }}
      className="relative flex min-h-[24rem] w-full"
    >
      <title>Chat · Numerical Tutor</title>
      <ChatSidebar
        open={sidebarOpen}
        onClose={() => setSidebarOpen(false)}
        sessions={sessions}
        currentSessionId={sessionId}
        onDelete={handleDelete}
        onNavigate={handleNavigate}
      />
      <div className="flex min-w-0 flex-1 flex-col">
        <h1 className="sr-only">Chat with the tutor</h1>
        {notice && (
          <div className="mx-auto w-full max-w-3xl px-4 pt-3">
            <Alert tone="info">{notice}</Alert>
          </div>
        )}
        <ConversationPanel
          conversation={conversation}
          toolbar={
            <SidebarToggle open={sidebarOpen} onToggle={() => setSidebarOpen((open) => !open)} />
          }
          aboveInput={<PolicyNotice notice={policyNotice} />}
          blockedReason={blockedReason}
          welcome={
            <ChatWelcome
              username={user?.username ?? 'there'}
              canSend={conversation.connection.status === 'connected' && blockedReason === null}
              onPick={(prompt) => void conversation.send(prompt)}
            />
          }
        />
      </div>
    </div>
  );
}
