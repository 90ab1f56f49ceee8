// Step 1 of a turn: who asks, and in which session.
import type { HintLevel } from '../../pedagogy/types';
import { type Learner, loadLearner } from '../../auth/users-store';
import type { ChatSession } from '../schema';
import * as store from './session-store';
import { type Emit, type TurnDeps, TurnInputError, type TurnRequest } from './types';

export interface OpenedTurn {
  user: Learner;
  session: ChatSession;
  /** An existing session continues (false: created for this turn). */
  continued: boolean;
}

/** The given session if it is the user's and of this type and module; else the latest one when `continueLatest`; else a new one. */
export async function openSession(
  deps: Pick<TurnDeps, 'db'>,
  request: TurnRequest,
): Promise<{ session: ChatSession; continued: boolean }> {
  const scope = {
    userId: request.userId,
    sessionType: request.sessionType,
    moduleId: request.moduleId ?? null,
  };
  if (request.sessionId) {
    const session = await store.findSession(deps.db, request.sessionId, scope);
    // Another user's session and a missing one look the same.
    if (!session)
      throw new TurnInputError('session_id: no such session (start a new one by leaving it out)');
    return { session, continued: true };
  }
  if (request.continueLatest) {
    const latest = await store.findLatestSession(deps.db, scope);
    if (latest) return { session: latest, continued: true };
  }
  return { session: await store.createSession(deps.db, scope), continued: false };
}

/** Loads the student and opens the session, then emits `session`. Client mistakes throw TurnInputError. */
export async function openTurn(
  deps: Pick<TurnDeps, 'db' | 'router'>,
  request: TurnRequest,
  emit: Emit,
): Promise<OpenedTurn> {
  const [user, opened] = await Promise.all([
    loadLearner(deps.db, request.userId),
    openSession(deps, request),
  ]);
  if (!user) throw new TurnInputError('Your account no longer exists');
  const { session, continued } = opened;
  emit({
    type: 'session',
    session_id: session.id,
    session_type: request.sessionType,
    module_id: session.moduleId,
    continued,
    tutor_label: deps.router.primaryLabel,
    offline: deps.router.offline,
    hint_level: (session.currentHintLevel as HintLevel | null) ?? null,
  });
  return { user, session, continued };
}
