// Step 4 of a turn (no database): the model's answer streamed to the student as `token` events.
import type { Learner } from '../../auth/users-store';
import { solutionJudge } from '../../pedagogy/solution-leak';
import { guardCodeBlocks, rewriteInstruction } from './leak-guard';
import type { AnswerPlan } from './plan-answer';
import type { Emit, TurnDeps, TurnRequest } from './types';

export interface StreamedAnswer {
  /** What reached the student (possibly part of an answer). */
  answer: string;
  /** Why the stream ended early (not a stop); undefined when it ended normally or was stopped. */
  failure: unknown;
  /** The provider that answered (after a failover not the primary one). */
  answeredBy: { label: string; offline: boolean };
  /** The student stopped the answer, or the socket closed. */
  stopped: boolean;
}

export async function streamAnswer(
  deps: Pick<TurnDeps, 'router'> & Partial<Pick<TurnDeps, 'log'>>,
  request: TurnRequest,
  user: Pick<Learner, 'username'>,
  plan: AnswerPlan,
  emit: Emit,
): Promise<StreamedAnswer> {
  const { signal } = request;
  const result: StreamedAnswer = {
    answer: '',
    failure: undefined,
    answeredBy: { label: deps.router.primaryLabel, offline: deps.router.offline },
    stopped: false,
  };
  try {
    const stream = deps.router.stream({
      system: plan.system,
      messages: [
        ...plan.history.recent.map(({ role, content }) => ({ role, content })),
        { role: 'user', content: request.content },
      ],
      hintLevel: plan.hintLevel,
      material: {
        question: request.content,
        studentName: user.username,
        programmingLevel: plan.style.programming,
        mathsLevel: plan.style.maths,
        ...request.context?.material,
        ...(plan.needsAttempt && { needsAttempt: true }),
      },
      signal,
      onProvider: (provider) => {
        result.answeredBy = { label: provider.label, offline: provider.offline };
      },
    });
    for await (const piece of guarded(deps, request, plan, stream)) {
      if (signal.aborted) break;
      if (piece === '') continue;
      result.answer += piece;
      emit({ type: 'token', content: piece });
    }
  } catch (error) {
    if (!signal.aborted) result.failure = error;
  }
  result.stopped = signal.aborted;
  return result;
}

const REWRITE_TIMEOUT_MS = 8_000;

/**
 * On an exercise below hint 5, the answer's code blocks pass the leak guard (leak-guard.ts);
 * elsewhere the stream is passed on as it is.
 */
function guarded(
  deps: Pick<TurnDeps, 'router'> & Partial<Pick<TurnDeps, 'log'>>,
  request: TurnRequest,
  plan: AnswerPlan,
  stream: AsyncIterable<string>,
): AsyncIterable<string> {
  const material = request.context?.material;
  const exercise = material?.exercise;
  if (!exercise || plan.hintLevel >= 5) return stream;
  const given = [exercise.prompt, material.cellCode ?? ''];
  return guardCodeBlocks(stream, {
    judge: solutionJudge(exercise.solution, given),
    hintLevel: plan.hintLevel,
    fallback: exercise.hints[plan.hintLevel - 1] ?? exercise.hints[0],
    rewrite: (block) =>
      deps.router.complete({
        system: rewriteInstruction(plan.hintLevel),
        prompt: block,
        timeoutMs: REWRITE_TIMEOUT_MS,
        signal: request.signal,
      }),
    onReplaced: (how) =>
      deps.log?.info(
        { exercise_id: exercise.id, hint_level: plan.hintLevel, how },
        'leaking code block replaced',
      ),
  });
}
