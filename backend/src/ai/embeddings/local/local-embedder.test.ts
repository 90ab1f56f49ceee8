import { describe, expect, it } from 'vitest';
import { cosine } from '../similarity';
import { withEmbeddingCache } from '../cached-embedder';
import { createLocalEmbedder, embedLocally, LOCAL_EMBEDDING_DIMENSIONS } from './local-embedder';
import { stem } from './text';

describe('local embedder', () => {
  it('is deterministic, fixed-size and L2-normalised', async () => {
    const [a, b] = await createLocalEmbedder().embed([
      'The determinant of A',
      'The determinant of A',
    ]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(LOCAL_EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...(a as number[]))).toBeCloseTo(1, 10);
    expect(embedLocally('')).toHaveLength(LOCAL_EMBEDDING_DIMENSIONS);
  });

  it('puts synonyms from the lexicon close together and unrelated texts apart', () => {
    const det = embedLocally('how do I get the det of a matrix');
    const determinant = embedLocally('computing the determinant of matrices');
    const pizza = embedLocally('where is the best pizza');
    expect(cosine(det, determinant)).toBeGreaterThan(0.3);
    expect(cosine(det, pizza)).toBeLessThan(0.1);
  });

  it('stems plurals and verb forms to one form', () => {
    expect(stem('matrices')).toBe(stem('matrix'));
    expect(stem('interpolating')).toBe(stem('interpolate'));
    expect(stem('eigenvalues')).toBe(stem('eigenvalue'));
  });

  it('caches by embedder id and text, sending only the missing texts', async () => {
    const calls: string[][] = [];
    const local = createLocalEmbedder();
    const cached = withEmbeddingCache({
      ...local,
      embed: (texts) => (calls.push(texts), local.embed(texts)),
    });
    await cached.embed(['a matrix', 'a vector']);
    const again = await cached.embed(['a vector', 'a scalar', 'a vector']);
    expect(calls).toEqual([['a matrix', 'a vector'], ['a scalar']]);
    expect(again[0]).toEqual(again[2]);
  });
});
