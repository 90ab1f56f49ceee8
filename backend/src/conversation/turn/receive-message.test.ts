import { describe, expect, it, vi } from 'vitest';
import type { ClassifyInput, MessageClassifier } from '../../ai/types';
import { cannedReply, isCanned } from './answer-canned';
import { classify } from './receive-message';

function classifier(fail = false): MessageClassifier & { inputs: ClassifyInput[] } {
  const inputs: ClassifyInput[] = [];
  return {
    embedderId: 'embedder-v2',
    inputs,
    classify: async (input) => {
      inputs.push(input);
      if (fail) throw new Error('embedder down');
      return {
        kind: 'new_problem',
        embedding: [1],
        embedderId: 'embedder-v2',
        scores: { greeting: 0, topic: 1, sameProblem: null, elaboration: 0 },
      };
    },
    embedContext: async () => [],
    estimateDifficulty: () => ({ programming: 3, maths: 3 }),
  };
}

const log = () => ({ warn: vi.fn() }) as never as { warn: ReturnType<typeof vi.fn> };

describe('classify', () => {
  it("compares with the stored context only when the same embedder made it, and says when it's the same cell", async () => {
    const deps = { classifier: classifier(), log: log() as never };
    await classify(
      deps,
      { content: 'same again', context: { cellHash: 'abc' } },
      { contextEmbedding: [0.5], contextEmbeddingModel: 'embedder-v2', lastCellHash: 'abc' },
    );
    await classify(
      deps,
      { content: 'other', context: { cellHash: 'abc' } },
      { contextEmbedding: [0.5], contextEmbeddingModel: 'embedder-v1', lastCellHash: 'xyz' },
    );
    await classify(
      deps,
      { content: 'no cell' },
      { contextEmbedding: null, contextEmbeddingModel: null, lastCellHash: null },
    );
    expect(deps.classifier.inputs).toEqual([
      { message: 'same again', previousContext: [0.5], sameCell: true },
      { message: 'other', previousContext: undefined, sameCell: false },
      { message: 'no cell', previousContext: undefined, sameCell: false },
    ]);
  });

  it('is null (and logged) when the classifier fails', async () => {
    const deps = { classifier: classifier(true), log: log() };
    const result = await classify(
      deps as never,
      { content: 'hi' },
      {
        contextEmbedding: null,
        contextEmbeddingModel: null,
        lastCellHash: null,
      },
    );
    expect(result).toBeNull();
    expect(deps.log.warn).toHaveBeenCalledWith(expect.anything(), 'message classification failed');
  });
});

describe('cannedReply', () => {
  it('greets by name, says goodbye to a closing greeting, refuses an off-topic message', () => {
    expect(isCanned('greeting') && isCanned('off_topic')).toBe(true);
    expect(isCanned('new_problem')).toBe(false);
    expect(cannedReply('greeting', null, 'ada')).toMatch(/^Hello ada!/);
    expect(cannedReply('greeting', { closing: true }, 'ada')).toMatch(/^Glad to help, ada!/);
    expect(cannedReply('off_topic', null, 'ada')).toMatch(/^I can only help with/);
  });
});
