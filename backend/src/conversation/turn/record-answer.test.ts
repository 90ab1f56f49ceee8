import { describe, expect, it } from 'vitest';
import type { AnsweredTurn } from './record-answer';
import { answerMessage, answerState } from './record-answer';

function answered(streamed: Partial<AnsweredTurn['streamed']>, pedagogyKind = 'new_problem') {
  return {
    opened: {
      user: {} as never,
      session: { id: 's1', startingHintLevel: 1 } as never,
      continued: true,
      admission: {},
    },
    received: { title: null },
    plan: {
      hintLevel: 3,
      difficulty: { programming: 4, maths: 2 },
      pedagogy:
        pedagogyKind === 'new_problem'
          ? {
              kind: 'new_problem',
              effective: { programming: 3, maths: 3 },
              effectiveChanged: false,
            }
          : { kind: 'same_problem', hintLevel: 3, difficulty: { programming: 4, maths: 2 } },
    } as never,
    streamed: {
      answer: 'An answer',
      failure: undefined,
      answeredBy: { label: 'Backup', offline: true },
      stopped: false,
      ...streamed,
    },
  } satisfies AnsweredTurn;
}

describe('answerMessage', () => {
  it('stores level, difficulty and who answered; the status says how the stream ended', () => {
    expect(answerMessage(answered({}))).toEqual({
      sessionId: 's1',
      role: 'assistant',
      content: 'An answer',
      hintLevelUsed: 3,
      problemDifficulty: 4,
      mathsDifficulty: 2,
      tutorLabel: 'Backup',
      status: 'complete',
    });
    expect(answerMessage(answered({ stopped: true })).status).toBe('stopped');
    expect(answerMessage(answered({ failure: new Error('dropped') })).status).toBe('incomplete');
  });
});

describe('answerState', () => {
  it('starts a new problem at this level; the same problem keeps its starting level', () => {
    const embedding = { vector: [1, 2], model: 'embedder-v2' };
    expect(answerState(answered({}), embedding, 'hash')).toEqual({
      currentHintLevel: 3,
      startingHintLevel: 3,
      programmingDifficulty: 4,
      mathsDifficulty: 2,
      contextEmbedding: [1, 2],
      contextEmbeddingModel: 'embedder-v2',
      lastCellHash: 'hash',
    });
    const same = answerState(answered({}, 'same_problem'), { vector: null, model: 'x' }, undefined);
    expect(same).toMatchObject({
      startingHintLevel: 1,
      contextEmbedding: null,
      contextEmbeddingModel: null,
      lastCellHash: undefined,
    });
  });
});
