import type { EffectivePolicyOut } from '@tutor/shared/courses';
import { useCallback, useEffect, useRef } from 'react';
import { getSessionMessages } from '../api/chat/get-session-messages';
import { ConversationPanel } from '../conversation/conversation-panel';
import { useConversation } from '../conversation/use-conversation';
import { PolicyNotice } from '../courses/policy-notice';
import { ExerciseSummary } from './exercise-list';
import type { ModuleExercisesOut } from './exercise-states';
import type { NotebookBridge, NotebookFocus } from './notebook-bridge';
import { FailedCellBar } from './failed-cell-bar';
import { failedCellContext, notebookContext, type Extras } from './tutor-context';
import { TutorContextLine } from './tutor-context-line';
import { useFailedCell, useNotebookFocus, usePythonReady } from './use-notebook-events';
import { useTutorSession } from './use-tutor-session';

interface TutorPanelProps {
  moduleId: string;
  moduleTitle: string;
  /** The notebook's bridge once it is ready (the tutor works without it, with no context). */
  bridge: NotebookBridge | null;
  /** The module's exercises with the student's check states (null while not known). */
  exercises?: ModuleExercisesOut | null;
  /** The help policy of the student's classes for this module (null: none, or not known). */
  policy?: EffectivePolicyOut | null;
}

/**
 * The tutor beside the notebook: the chat components on `/ws/tutor?module_id=`. Each message
 * carries the selected cell's code, its exercise and the latest error; the module's previous
 * tutor conversation is shown on reopening; a failed cell offers "Ask the tutor about this error".
 */
export function TutorPanel(props: TutorPanelProps) {
  const { moduleId, moduleTitle, bridge, exercises = null, policy = null } = props;
  const { sessionId, newSessionRef, handleSession, startNewConversation } =
    useTutorSession(moduleId);
  const [failed, setFailed] = useFailedCell(bridge);
  const focus = useNotebookFocus(bridge);
  const shownFocus = bridge ? focus : null;
  const selected = selectedExercise(shownFocus, exercises);
  const { frameExtras, bridgeRef, overrideRef } = useFrameExtras(bridge, newSessionRef);

  const conversation = useConversation({
    url: `/ws/tutor?module_id=${encodeURIComponent(moduleId)}`,
    sessionId,
    loadMessages: getSessionMessages,
    onSession: handleSession,
    frameExtras,
  });

  async function handleAskAboutError() {
    const current = bridgeRef.current;
    if (!current || !failed) return;
    overrideRef.current = await failedCellContext(current, failed);
    const sent = await conversation.send(
      `My cell raised an error: ${failed.summary}. Can you help me understand what is wrong?`,
    );
    if (sent) setFailed(null);
    else overrideRef.current = null;
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col bg-slate-50">
      <h2 className="sr-only">Tutor</h2>
      {exercises && <ExerciseSummary exercises={exercises} currentId={selected.id} />}
      {failed && (
        <FailedCellBar
          summary={failed.summary}
          canAsk={!conversation.answering && conversation.connection.status === 'connected'}
          onAsk={() => void handleAskAboutError()}
          onDismiss={() => setFailed(null)}
        />
      )}
      <ConversationPanel
        conversation={conversation}
        toolbar={
          <NewConversationButton disabled={conversation.answering} onClick={startNewConversation} />
        }
        placeholder="Ask about the selected cell…"
        aboveInput={
          <>
            <PolicyNotice notice={policy?.notice} />
            <TutorContextLine focus={shownFocus} exercise={selected.exercise} />
          </>
        }
        // The server refuses the turns anyway; the input says why before the student writes.
        blockedReason={policy && !policy.tutor_enabled ? tutorOffReason(policy) : null}
        maxHintLevel={policy?.max_hint_level}
        welcome={<TutorWelcome moduleTitle={moduleTitle} />}
      />
    </div>
  );
}

/** Why the tutor does not answer: the class's own words when it gave them. */
function tutorOffReason(policy: EffectivePolicyOut): string {
  return policy.notice ?? 'Your class has turned the tutor off for this module.';
}

/** The selected cell's exercise, with its check state when the module's exercises are known. */
function selectedExercise(focus: NotebookFocus | null, exercises: ModuleExercisesOut | null) {
  const id = focus?.exerciseId ?? null;
  const exercise = exercises?.exercises.find((item) => item.exercise_id === id) ?? null;
  return { id, exercise };
}

function TutorWelcome({ moduleTitle }: { moduleTitle: string }) {
  return (
    <div className="mx-auto max-w-md px-4 py-8 text-center text-sm text-slate-600">
      <p className="font-medium text-slate-800">Stuck on {moduleTitle}?</p>
      <p className="mt-1">
        Select a cell and ask. The tutor sees that cell&apos;s code and your latest error, and
        answers with hints first.
      </p>
    </div>
  );
}

function NewConversationButton({ disabled, onClick }: { disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:text-slate-400"
    >
      New conversation
    </button>
  );
}

/**
 * The hidden context of each tutor message: the selected cell, its exercise and the latest error
 * (or the failed cell's, set in `overrideRef` for one message), and whether Python runs.
 */
function useFrameExtras(bridge: NotebookBridge | null, newSessionRef: { current: boolean }) {
  const pythonReady = usePythonReady(bridge);
  const bridgeRef = useRef(bridge);
  const pythonReadyRef = useRef(pythonReady);
  const overrideRef = useRef<Extras | null>(null);
  useEffect(() => {
    bridgeRef.current = bridge;
    pythonReadyRef.current = pythonReady;
  });
  const frameExtras = useCallback(async (): Promise<Extras> => {
    const override = overrideRef.current;
    overrideRef.current = null;
    const current = bridgeRef.current;
    const context = override ?? (current ? await notebookContext(current) : {});
    // Told to the tutor so that it never asks to run code while Python cannot run.
    const python = pythonReadyRef.current;
    const withPython = python === null ? context : { ...context, python_ready: python };
    return newSessionRef.current ? { ...withPython, new_session: true } : withPython;
  }, [newSessionRef]);
  return { frameExtras, bridgeRef, overrideRef };
}
