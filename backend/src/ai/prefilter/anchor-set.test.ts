import { describe, expect, it } from 'vitest';
import { maxSimilarity } from '../embeddings/similarity';
import { anchorSet, maxSimilarityTo, probeOf } from './anchor-set';

describe('anchor set', () => {
  it('gives the same highest similarity as maxSimilarity, over the non-zero entries only', () => {
    const anchors = [
      [1, 0, 2, 0],
      [0, 3, 0, 1],
      [0, 0, 0, 0],
      [1, 2],
    ];
    for (const vector of [[0, 1, 0, 0], [2, 0, 1, -1], [0, 0, 0, 0], []]) {
      expect(maxSimilarityTo(probeOf(vector), anchorSet(anchors))).toBeCloseTo(
        maxSimilarity(vector, anchors),
        12,
      );
    }
  });
});
