import { MAX_CELL_CODE_CHARS, MAX_ERROR_OUTPUT_CHARS, type SessionEvent } from '@tutor/shared/chat';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getSessionMessages } from '../api/chat/get-session-messages';
import { listSessions } from '../api/chat/list-sessions';
import { ConversationPanel } from '../conversation/conversation-panel';
import { useConversation } from '../conversation/use-conversation';
import type { NotebookBridge, NotebookFocus } from './notebook-bridge';
import { TutorContextLine } from './tutor-context-line';

interface TutorPanelProps {
  moduleId: string;
  moduleTitle: string;
  /** The notebook's bridge once it is ready (the tutor works without it, with no context). */
  bridge: NotebookBridge | null;
}

interface FailedCell {
  index: number;
  summary: string;
}

type Extras = Record<string, unknown>;

/**
 * Keeps a frame well under the socket's 256 KB limit (a larger frame closes the socket). The server
 * truncates anything over MAX_*_CHARS itself, with a marker, so the text sent stays longer than that.
 */
function bounded(extras: Extras): Extras {
  const code = extras.cell_code;
  const error = extras.error_output;
  return {
    ...extras,
    ...(typeof code === 'string' ? { cell_code: code.slice(0, 2 * MAX_CELL_CODE_CHARS) } : {}),
    ...(typeof error === 'string'
      ? { error_output: error.slice(-2 * MAX_ERROR_OUTPUT_CHARS) }
      : {}),
  };
}

function sourceText(source: string | string[] | undefined): string {
  return Array.isArray(source) ? source.join('') : (source ?? '');
}

/** The selected cell's code and exercise, and the latest error, for the tutor's hidden context. */
async function notebookContext(bridge: NotebookBridge): Promise<Extras> {
  const [cell, error] = await Promise.allSettled([
    bridge.getCurrentCellContext(),
    bridge.getErrorOutput(),
  ]);
  const extras: Extras = {};
  if (cell.status === 'fulfilled') {
    extras.cell_code = cell.value.code;
    if (cell.value.exerciseId) extras.exercise_id = cell.value.exerciseId;
  }
  if (error.status === 'fulfilled' && error.value) extras.error_output = error.value;
  return bounded(extras);
}

/**
 * The tutor beside the notebook: the chat components on `/ws/tutor?module_id=`. Each message
 * carries the selected cell's code, its exercise and the latest error; the module's previous
 * tutor conversation is shown on reopening; a failed cell offers "Ask the tutor about this error".
 */
export function TutorPanel({ moduleId, moduleTitle, bridge }: TutorPanelProps) {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [failed, setFailed] = useState<FailedCell | null>(null);
  const [focus, setFocus] = useState<NotebookFocus | null>(null);
  const bridgeRef = useRef(bridge);
  const overrideRef = useRef<Extras | null>(null);
  const newSessionRef = useRef(false);
  const sawSessionRef = useRef(false);
  useEffect(() => {
    bridgeRef.current = bridge;
  });

  // The latest tutor conversation of this module continues when the workspace reopens.
  useEffect(() => {
    const controller = new AbortController();
    listSessions({ type: 'tutor', module_id: moduleId }, controller.signal).then(
      (sessions) => {
        const latest = sessions[0];
        if (latest && !sawSessionRef.current && !newSessionRef.current) setSessionId(latest.id);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [moduleId]);

  useEffect(() => {
    if (!bridge) return;
    return bridge.on('cell-executed', (payload) => {
      if (payload.success) {
        setFailed(null);
        return;
      }
      const name = payload.ename ?? 'Error';
      const summary = payload.evalue ? `${name}: ${payload.evalue}` : name;
      setFailed({ index: payload.index, summary });
    });
  }, [bridge]);

  // Which cell the tutor is looking at: asked once, then followed.
  useEffect(() => {
    if (!bridge) return;
    let current = true;
    const off = bridge.on('focus', (payload) => {
      current = false;
      setFocus(payload);
    });
    bridge.getCurrentCellContext().then(
      ({ code: _code, ...initial }) => {
        if (current) setFocus(initial);
      },
      () => undefined,
    );
    return () => {
      current = false;
      off();
    };
  }, [bridge]);

  const frameExtras = useCallback(async (): Promise<Extras> => {
    const override = overrideRef.current;
    overrideRef.current = null;
    const current = bridgeRef.current;
    const context = override ?? (current ? await notebookContext(current) : {});
    return newSessionRef.current ? { ...context, new_session: true } : context;
  }, []);

  const handleSession = useCallback((event: SessionEvent) => {
    sawSessionRef.current = true;
    newSessionRef.current = false;
    // Follow the server's session, so that "New conversation" always has something to leave.
    setSessionId(event.session_id);
  }, []);

  const conversation = useConversation({
    url: `/ws/tutor?module_id=${encodeURIComponent(moduleId)}`,
    sessionId,
    loadMessages: getSessionMessages,
    onSession: handleSession,
    frameExtras,
  });

  function handleNewConversation() {
    newSessionRef.current = true;
    sawSessionRef.current = false;
    setSessionId(null);
  }

  async function handleAskAboutError() {
    const current = bridgeRef.current;
    if (!current || !failed) return;
    // The failed cell itself (running it moved the selection on) and its error.
    const [state, error] = await Promise.allSettled([
      current.getNotebookState(),
      current.getErrorOutput(),
    ]);
    const cell = state.status === 'fulfilled' ? state.value.cells[failed.index] : undefined;
    const extras: Extras = {};
    if (cell) extras.cell_code = sourceText(cell.source);
    const tutorMeta = cell?.metadata?.['tutor'] as { exercise?: unknown } | undefined;
    if (typeof tutorMeta?.exercise === 'string') extras.exercise_id = tutorMeta.exercise;
    if (error.status === 'fulfilled' && error.value) extras.error_output = error.value;
    else extras.error_output = failed.summary;
    overrideRef.current = bounded(extras);
    const sent = await conversation.send(
      `My cell raised an error: ${failed.summary}. Can you help me understand what is wrong?`,
    );
    if (sent) setFailed(null);
    else overrideRef.current = null;
  }

  const toolbar = (
    <button
      type="button"
      onClick={handleNewConversation}
      disabled={conversation.answering}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:text-slate-400"
    >
      New conversation
    </button>
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col bg-slate-50">
      <h2 className="sr-only">Tutor</h2>
      {failed && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          <span className="min-w-0 flex-1 truncate" title={failed.summary}>
            A cell failed: {failed.summary}
          </span>
          <button
            type="button"
            onClick={() => void handleAskAboutError()}
            disabled={conversation.answering || conversation.connection.status !== 'connected'}
            className="rounded-md bg-amber-700 px-3 py-1 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-60"
          >
            Ask the tutor about this error
          </button>
          <button
            type="button"
            onClick={() => setFailed(null)}
            aria-label="Dismiss"
            className="rounded px-2 py-1 hover:bg-amber-100"
          >
            ×
          </button>
        </div>
      )}
      <ConversationPanel
        conversation={conversation}
        toolbar={toolbar}
        placeholder="Ask about the selected cell…"
        aboveInput={<TutorContextLine focus={bridge ? focus : null} />}
        welcome={
          <div className="mx-auto max-w-md px-4 py-8 text-center text-sm text-slate-600">
            <p className="font-medium text-slate-800">Stuck on {moduleTitle}?</p>
            <p className="mt-1">
              Select a cell and ask. The tutor sees that cell&apos;s code and your latest error, and
              answers with hints first.
            </p>
          </div>
        }
      />
    </div>
  );
}
