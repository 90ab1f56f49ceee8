// One turn of the chat or tutor conversation, as named steps: open → receive → (canned reply) or
// plan → stream → record. Shared by /ws/chat and /ws/tutor; dependencies come in as parameters so
// tests and the bench can use providers that stream instantly or fail on cue.
import { storableText } from '../../db/text';
import { answerCanned, isCanned } from './answer-canned';
import { INTERNAL_ERROR_MESSAGE } from './canned';
import { openTurn } from './open-turn';
import { planAnswer } from './plan-answer';
import { receiveMessage } from './receive-message';
import { recordAnswer } from './record-answer';
import { streamAnswer } from './stream-answer';
import {
  type Emit,
  type TurnDeps,
  TurnInputError,
  type TurnOutcome,
  TurnRefused,
  type TurnRequest,
} from './types';

/** Runs one turn, reporting everything through `emit`. Never throws. */
export async function runTurn(
  deps: TurnDeps,
  request: TurnRequest,
  emit: Emit,
): Promise<TurnOutcome> {
  try {
    // A NUL or lone surrogate becomes U+FFFD: the message is kept, and it is the same text for the
    // classifier, the model and the database (which cannot store a NUL).
    return await turn(deps, { ...request, content: storableText(request.content) }, emit);
  } catch (error) {
    if (error instanceof TurnInputError || error instanceof TurnRefused) {
      emit({ type: 'error', message: error.message });
      return 'rejected';
    }
    deps.log.error({ err: error }, 'chat turn failed');
    emit({ type: 'error', message: INTERNAL_ERROR_MESSAGE });
    return 'failed';
  }
}

async function turn(deps: TurnDeps, request: TurnRequest, emit: Emit): Promise<TurnOutcome> {
  const opened = await openTurn(deps, request, emit);
  const received = await receiveMessage(deps, request, opened.session);
  const { kind, classification } = received;
  if (isCanned(kind)) return answerCanned(deps, opened, kind, classification, emit);
  const plan = planAnswer(
    deps,
    kind,
    { ...opened, classification, fromFirstHint: request.fromFirstHint },
    received.history,
    request.context,
  );
  const streamed = await streamAnswer(deps, request, opened.user, plan, emit);
  return recordAnswer(deps, request, { opened, received, plan, streamed }, emit);
}
