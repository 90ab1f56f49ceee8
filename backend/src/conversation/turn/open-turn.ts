// Step 1 of a turn: who asks, and in which session.
import type { HintLevel } from '../../pedagogy/types';
import type { Learner } from '../../auth/users-store';
import type { ChatSession } from '../schema';
import * as store from './session-store';
import {
  type Emit,
  type TurnAdmission,
  type TurnDeps,
  TurnInputError,
  type TurnRequest,
} from './types';

export interface OpenedTurn {
  user: Learner;
  session: ChatSession;
  /** An existing session continues (false: created for this turn). */
  continued: boolean;
  /** What the request's gate said (empty without one). */
  admission: TurnAdmission;
}

/**
 * The given session if it is the user's and of this type and module; else the latest one when
 * `continueLatest`; else a new one. The student, the session and the gate's value are read in one
 * statement, and the gate judges the turn before a new session is stored.
 */
export async function openSession(
  deps: Pick<TurnDeps, 'db'>,
  request: TurnRequest,
): Promise<OpenedTurn> {
  const scope = {
    userId: request.userId,
    sessionType: request.sessionType,
    moduleId: request.moduleId ?? null,
  };
  const gate = request.gate?.read;
  const found = request.sessionId
    ? await store.findSession(deps.db, request.sessionId, scope, gate)
    : request.continueLatest
      ? await store.findLatestSession(deps.db, scope, gate)
      : undefined;
  if (found) {
    const admission = await admit(request, found.gate);
    return { user: found.learner, session: found.session, continued: true, admission };
  }
  // Another user's session and a missing one look the same.
  if (request.sessionId)
    throw new TurnInputError('session_id: no such session (start a new one by leaving it out)');
  const student = await store.findLearner(deps.db, request.userId, gate);
  if (!student) throw new TurnInputError('Your account no longer exists');
  const admission = await admit(request, student.gate);
  const session = await store.createSession(deps.db, scope);
  return { user: student.learner, session, continued: false, admission };
}

const admit = async (request: TurnRequest, value: unknown): Promise<TurnAdmission> =>
  request.gate ? request.gate.admit(value) : {};

/** Loads the student and opens the session, then emits `session`. Client mistakes throw TurnInputError. */
export async function openTurn(
  deps: Pick<TurnDeps, 'db' | 'router'>,
  request: TurnRequest,
  emit: Emit,
): Promise<OpenedTurn> {
  const opened = await openSession(deps, request);
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
  return opened;
}
