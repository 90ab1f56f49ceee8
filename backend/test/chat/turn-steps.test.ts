// The turn's steps that need a database, each run alone against the real one.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ChatServerEvent } from '@tutor/shared/chat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCanned } from '../../src/conversation/turn/answer-canned';
import { openTurn } from '../../src/conversation/turn/open-turn';
import { planAnswer } from '../../src/conversation/turn/plan-answer';
import { receiveMessage } from '../../src/conversation/turn/receive-message';
import { type AnsweredTurn, recordAnswer } from '../../src/conversation/turn/record-answer';
import {
  DEFAULT_PIPELINE_CONFIG,
  type TurnDeps,
  TurnInputError,
  type TurnRequest,
} from '../../src/conversation/turn/types';
import { buildUser } from '../helpers/factories';
import { createTestApp } from '../helpers/test-app';
import { effectiveLevels, storedChat } from './db';
import { FakeClassifier, FakeRouter } from './fake-ai';

let app: FastifyInstance;
let deps: TurnDeps;
beforeAll(async () => {
  app = await createTestApp();
  deps = {
    db: app.database.db,
    router: new FakeRouter(),
    classifier: new FakeClassifier(),
    log: app.log,
    config: DEFAULT_PIPELINE_CONFIG,
  };
});
afterAll(() => app.close());

const request = (
  userId: string,
  content: string,
  extra: Partial<TurnRequest> = {},
): TurnRequest => ({
  userId,
  content,
  sessionType: 'general',
  signal: new AbortController().signal,
  ...extra,
});

function collect() {
  const events: ChatServerEvent[] = [];
  return { events, emit: (event: ChatServerEvent) => void events.push(event) };
}

describe('openTurn', () => {
  it('creates a session, continues the latest when asked, refuses an unknown one', async () => {
    const { user } = await buildUser(app, { username: 'open_turn' });
    const { events, emit } = collect();
    const first = await openTurn(deps, request(user.id, 'q'), emit);
    expect(first).toMatchObject({ continued: false, user: { username: 'open_turn' } });
    expect(events).toEqual([
      expect.objectContaining({ type: 'session', session_id: first.session.id, continued: false }),
    ]);
    const latest = await openTurn(deps, request(user.id, 'q', { continueLatest: true }), emit);
    expect(latest).toMatchObject({ continued: true, session: { id: first.session.id } });
    await expect(
      openTurn(deps, request(user.id, 'q', { sessionId: randomUUID() }), emit),
    ).rejects.toThrow(TurnInputError);
  });
});

describe('receiveMessage and answerCanned', () => {
  it('stores the question at once, leaves it out of the history, and stores a canned reply', async () => {
    const { user } = await buildUser(app, { username: 'receive' });
    const opened = await openTurn(deps, request(user.id, 'hello'), () => undefined);
    const received = await receiveMessage(deps, request(user.id, 'hello'), opened.session);
    expect(received).toMatchObject({ kind: 'greeting', history: [], title: null });
    const { events, emit } = collect();
    expect(await answerCanned(deps, opened, 'greeting', received.classification, emit)).toBe(
      'canned',
    );
    expect(events).toEqual([expect.objectContaining({ type: 'canned', filter: 'greeting' })]);
    const { messages } = await storedChat(app, user.id);
    expect(messages.map((m) => [m.role, m.content.slice(0, 11)])).toEqual([
      ['user', 'hello'],
      ['assistant', 'Hello recei'],
    ]);
    const next = await receiveMessage(
      deps,
      request(user.id, 'How do I solve Ax = b?'),
      opened.session,
    );
    expect(next.history.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(next.title).toBe('How do I solve Ax = b?');
  });
});

async function answeredTurn(username: string, streamed: Partial<AnsweredTurn['streamed']>) {
  const { user } = await buildUser(app, {
    username,
    effectiveProgrammingLevel: 3,
    effectiveMathsLevel: 3,
  });
  const turnRequest = request(user.id, 'What is a determinant?');
  const opened = await openTurn(deps, turnRequest, () => undefined);
  const received = await receiveMessage(deps, turnRequest, opened.session);
  const plan = planAnswer(
    deps,
    'new_problem',
    { ...opened, classification: received.classification },
    [],
  );
  const turn: AnsweredTurn = {
    opened,
    received,
    plan,
    streamed: {
      answer: 'It scales volume.',
      failure: undefined,
      answeredBy: { label: 'Fake tutor', offline: false },
      stopped: false,
      ...streamed,
    },
  };
  return { user, turnRequest, turn };
}

describe('recordAnswer', () => {
  it('stores a complete answer with the session state, then done', async () => {
    const { user, turnRequest, turn } = await answeredTurn('record_ok', {});
    const { events, emit } = collect();
    expect(await recordAnswer(deps, turnRequest, turn, emit)).toBe('complete');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'done',
        status: 'complete',
        hint_level: turn.plan.hintLevel,
      }),
    ]);
    const { sessions, messages } = await storedChat(app, user.id);
    expect(messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: 'It scales volume.',
      status: 'complete',
    });
    expect(sessions[0]).toMatchObject({
      currentHintLevel: turn.plan.hintLevel,
      startingHintLevel: turn.plan.hintLevel,
      contextEmbeddingModel: 'fake-v1',
      title: 'What is a determinant?',
    });
    expect(await effectiveLevels(app, user.id)).toEqual({ programming: 3, maths: 3 });
  });

  it('keeps only the question (and the title) when no provider answered', async () => {
    const { user, turnRequest, turn } = await answeredTurn('record_none', {
      answer: '',
      failure: new Error('down'),
    });
    const { events, emit } = collect();
    expect(await recordAnswer(deps, turnRequest, turn, emit)).toBe('unavailable');
    expect(events).toEqual([expect.objectContaining({ type: 'error' })]);
    const { sessions, messages } = await storedChat(app, user.id);
    expect(messages.map((m) => m.role)).toEqual(['user']);
    expect(sessions[0]).toMatchObject({ currentHintLevel: null, title: 'What is a determinant?' });
  });

  it('keeps a partial answer as incomplete without moving the state', async () => {
    const { user, turnRequest, turn } = await answeredTurn('record_part', {
      answer: 'It sca',
      failure: new Error('dropped'),
    });
    const { emit } = collect();
    expect(await recordAnswer(deps, turnRequest, turn, emit)).toBe('incomplete');
    const { sessions, messages } = await storedChat(app, user.id);
    expect(messages.at(-1)).toMatchObject({ content: 'It sca', status: 'incomplete' });
    expect(sessions[0]).toMatchObject({ currentHintLevel: null });
  });
});
