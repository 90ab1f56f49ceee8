import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import type { Classification } from '../../ai/types';
import type { Learner } from '../../auth/users-store';
import type { ChatSession } from '../schema';
import type { ExerciseChecks } from '../../pedagogy/types';
import {
  chooseLevel,
  NEEDS_ATTEMPT_SECTION,
  planAnswer,
  previousProblem,
  systemPromptFor,
} from './plan-answer';

const session = (overrides: Partial<ChatSession> = {}): ChatSession => ({
  id: 's1',
  userId: 'u1',
  sessionType: 'general',
  moduleId: null,
  currentHintLevel: null,
  startingHintLevel: null,
  programmingDifficulty: null,
  mathsDifficulty: null,
  contextEmbedding: null,
  contextEmbeddingModel: null,
  historySummary: null,
  historySummaryUntil: null,
  title: null,
  lastCellHash: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...overrides,
});

const learner: Learner = {
  username: 'ada',
  programmingLevel: 3,
  mathsLevel: 3,
  effectiveProgrammingLevel: null,
  effectiveMathsLevel: null,
};

const classification: Classification = {
  kind: 'new_problem',
  embedding: [1, 0],
  embedderId: 'fake',
  scores: { greeting: 0, topic: 1, sameProblem: null, elaboration: 0 },
};

function planDeps(estimate: () => { programming: 1 | 2 | 3 | 4 | 5; maths: 1 | 2 | 3 | 4 | 5 }) {
  return {
    classifier: {
      embedderId: 'fake',
      classify: vi.fn(),
      embedContext: vi.fn(),
      estimateDifficulty: vi.fn(estimate),
    },
    log: { warn: vi.fn() } as unknown as FastifyBaseLogger & { warn: ReturnType<typeof vi.fn> },
    config: { historyBudgetChars: 100, summaryTimeoutMs: 1000, historyMaxMessages: 200 },
  };
}

describe('previousProblem', () => {
  it('is null before the first answer, else the stored level and difficulty', () => {
    expect(previousProblem(session())).toBeNull();
    expect(
      previousProblem(
        session({ currentHintLevel: 2, programmingDifficulty: 4, mathsDifficulty: null }),
      ),
    ).toEqual({ hintLevel: 2, difficulty: { programming: 4, maths: 3 } });
  });
});

describe('chooseLevel', () => {
  it('goes one level up on the same problem and keeps its difficulty', () => {
    const deps = planDeps(() => ({ programming: 1, maths: 1 }));
    const previous = session({ currentHintLevel: 2, programmingDifficulty: 4, mathsDifficulty: 2 });
    const level = chooseLevel(deps, 'elaboration', {
      classification: classification,
      session: previous,
      user: learner,
    });
    expect(level).toMatchObject({ hintLevel: 3, difficulty: { programming: 4, maths: 2 } });
    expect(level.pedagogy.kind).toBe('same_problem');
    expect(deps.classifier.estimateDifficulty).not.toHaveBeenCalled();
  });

  it('rates a new problem from its embedding and starts from the gap', () => {
    const deps = planDeps(() => ({ programming: 3, maths: 3 }));
    const level = chooseLevel(deps, 'new_problem', {
      classification: classification,
      session: session(),
      user: learner,
    });
    expect(deps.classifier.estimateDifficulty).toHaveBeenCalledWith([1, 0]);
    expect(level).toMatchObject({
      hintLevel: 1,
      difficulty: { programming: 3, maths: 3 },
      style: { programming: 3, maths: 3 },
    });
  });

  it('falls back to the student levels when the estimate fails or there is no classification', () => {
    const deps = planDeps(() => {
      throw new Error('no examples');
    });
    const failed = chooseLevel(deps, 'new_problem', {
      classification: classification,
      session: session(),
      user: learner,
    });
    expect(deps.log.warn).toHaveBeenCalledWith(expect.anything(), 'difficulty estimate failed');
    const unclassified = chooseLevel(deps, 'new_problem', {
      classification: null,
      session: session(),
      user: learner,
    });
    expect(failed.difficulty).toEqual(unclassified.difficulty);
    expect(deps.classifier.estimateDifficulty).toHaveBeenCalledTimes(1);
  });
});

describe('chooseLevel on an exercise (evidence before escalation)', () => {
  const deps = planDeps(() => ({ programming: 3, maths: 3 }));
  const atLevel = (hintLevel: number) =>
    session({ currentHintLevel: hintLevel, programmingDifficulty: 3, mathsDifficulty: 3 });
  const checks = (over: Partial<ExerciseChecks> = {}): ExerciseChecks => ({
    state: 'not_yet',
    lastMessage: '❌ Not yet: `D` is still None',
    runs: 1,
    ranSinceLastHint: false,
    ...over,
  });
  const turn = (previous: ReturnType<typeof session>) => ({
    classification,
    session: previous,
    user: learner,
  });

  it('holds at level 3 without a check run since the previous hint, and says why', () => {
    const level = chooseLevel(deps, 'same_problem', turn(atLevel(3)), checks());
    expect(level).toMatchObject({ hintLevel: 3, needsAttempt: true });
    expect(systemPromptFor(level, {}, undefined)).toContain(NEEDS_ATTEMPT_SECTION);
  });

  it('goes to level 4 after a new run, and to 5 only after another one', () => {
    const ran = chooseLevel(
      deps,
      'same_problem',
      turn(atLevel(3)),
      checks({ ranSinceLastHint: true }),
    );
    expect(ran).toMatchObject({ hintLevel: 4, needsAttempt: false });
    const again = chooseLevel(deps, 'same_problem', turn(atLevel(4)), checks());
    expect(again).toMatchObject({ hintLevel: 4, needsAttempt: true });
  });

  it('escalates freely up to level 3', () => {
    const level = chooseLevel(deps, 'same_problem', turn(atLevel(2)), checks());
    expect(level).toMatchObject({ hintLevel: 3, needsAttempt: false });
  });

  it('does not escalate a passed exercise', () => {
    const level = chooseLevel(deps, 'same_problem', turn(atLevel(2)), checks({ state: 'passed' }));
    expect(level).toMatchObject({ hintLevel: 2, needsAttempt: false });
  });

  it('keeps the general chat rule without checks', () => {
    const level = chooseLevel(deps, 'same_problem', turn(atLevel(4)));
    expect(level).toMatchObject({ hintLevel: 5, needsAttempt: false });
  });
});

describe('systemPromptFor and planAnswer', () => {
  it("gives the caller's sections for the chosen hint level", () => {
    const deps = planDeps(() => ({ programming: 3, maths: 3 }));
    const level = chooseLevel(deps, 'new_problem', {
      classification: classification,
      session: session(),
      user: learner,
    });
    const sections = vi.fn((hintLevel: number) => [`SECTION FOR LEVEL ${hintLevel}`]);
    const prompt = systemPromptFor(level, { systemSections: sections }, undefined);
    expect(sections).toHaveBeenCalledWith(level.hintLevel);
    expect(prompt).toContain(`SECTION FOR LEVEL ${level.hintLevel}`);
  });

  it('sends the stored summary only when older turns are left out', () => {
    const deps = planDeps(() => ({ programming: 3, maths: 3 }));
    const summarised = session({ historySummary: 'EARLIER TURNS' });
    const turn = { session: summarised, user: learner, classification };
    const message = (content: string) => ({
      role: 'user' as const,
      content,
      createdAt: new Date(0),
    });
    const short = planAnswer(deps, 'new_problem', turn, [message('short')]);
    expect(short.history.older).toEqual([]);
    expect(short.system).not.toContain('EARLIER TURNS');
    const long = planAnswer(deps, 'new_problem', turn, [
      message('a'.repeat(80)),
      message('b'.repeat(30)),
      message('c'.repeat(30)),
    ]);
    expect(long.history.older).toHaveLength(1);
    expect(long.system).toContain('EARLIER TURNS');
  });
});
