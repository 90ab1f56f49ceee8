import { expect, it } from 'vitest';
import type { ChatServerEvent } from '@tutor/shared/chat';
import { AllProvidersFailedError, type GenerateRequest, type LlmRouter } from '../../ai/types';
import type { AnswerPlan } from './plan-answer';
import { streamAnswer } from './stream-answer';
import type { TurnRequest } from './types';

const plan = {
  hintLevel: 2,
  difficulty: { programming: 3, maths: 3 },
  style: { programming: 2, maths: 4 },
  pedagogy: {
    kind: 'new_problem',
    effective: { programming: 2, maths: 4 },
    effectiveChanged: false,
  },
  history: {
    recent: [{ role: 'assistant', content: 'Earlier answer', createdAt: new Date(0) }],
    older: [],
  },
  system: 'SYSTEM',
  needsAttempt: false,
} as AnswerPlan;

function router(stream: (request: GenerateRequest) => AsyncIterable<string>): LlmRouter & {
  requests: GenerateRequest[];
} {
  const requests: GenerateRequest[] = [];
  return {
    primaryLabel: 'Primary',
    offline: false,
    requests,
    stream: (request) => {
      requests.push(request);
      return stream(request);
    },
    complete: async () => null,
  } as LlmRouter & { requests: GenerateRequest[] };
}

function request(signal = new AbortController().signal): TurnRequest {
  return {
    userId: 'u1',
    content: 'What is a norm?',
    sessionType: 'tutor',
    context: { material: { moduleTitle: 'Linear algebra' } },
    signal,
  };
}

async function run(llm: LlmRouter, turnRequest = request()) {
  const events: ChatServerEvent[] = [];
  const streamed = await streamAnswer(
    { router: llm },
    turnRequest,
    { username: 'ada' },
    plan,
    (event) => events.push(event),
  );
  return { streamed, events };
}

it('streamAnswer streams tokens (empty pieces skipped) with the history, the question and the material', async () => {
  const llm = router(async function* (generate) {
    generate.onProvider?.({ id: 'backup', label: 'Backup', offline: true });
    yield 'A norm ';
    yield '';
    yield 'is a length.';
  });
  const { streamed, events } = await run(llm);
  expect(events).toEqual([
    { type: 'token', content: 'A norm ' },
    { type: 'token', content: 'is a length.' },
  ]);
  expect(streamed).toEqual({
    answer: 'A norm is a length.',
    failure: undefined,
    answeredBy: { label: 'Backup', offline: true },
    stopped: false,
  });
  const sent = llm.requests[0]!;
  expect(sent.system).toBe('SYSTEM');
  expect(sent.hintLevel).toBe(2);
  expect(sent.messages).toEqual([
    { role: 'assistant', content: 'Earlier answer' },
    { role: 'user', content: 'What is a norm?' },
  ]);
  expect(sent.material).toEqual({
    question: 'What is a norm?',
    studentName: 'ada',
    programmingLevel: 2,
    mathsLevel: 4,
    moduleTitle: 'Linear algebra',
  });
});

it('keeps a failure and what arrived before it, named after the primary provider', async () => {
  const failure = new AllProvidersFailedError([new Error('HTTP 500')]);
  const { streamed, events } = await run(
    router(async function* () {
      yield 'Part';
      throw failure;
    }),
  );
  expect(events).toEqual([{ type: 'token', content: 'Part' }]);
  expect(streamed).toEqual({
    answer: 'Part',
    failure,
    answeredBy: { label: 'Primary', offline: false },
    stopped: false,
  });
});

it('stops at an abort: what arrived is kept, the abort is no failure', async () => {
  const controller = new AbortController();
  const { streamed } = await run(
    router(async function* () {
      yield 'First ';
      controller.abort();
      yield 'never sent';
      throw new Error('aborted');
    }),
    request(controller.signal),
  );
  expect(streamed).toMatchObject({ answer: 'First ', failure: undefined, stopped: true });
});
