import type { Level } from '../../pedagogy/types';
import { cosine } from '../embeddings/similarity';
import type { DifficultyExample } from './difficulty-examples';

export interface LabelledEmbedding {
  embedding: number[];
  programming: number;
  maths: number;
}

export function labelExamples(
  examples: DifficultyExample[],
  embeddings: number[][],
): LabelledEmbedding[] {
  return examples.map(([, programming, maths], i) => ({
    embedding: embeddings[i] ?? [],
    programming,
    maths,
  }));
}

const NEAREST = 5;

function toLevel(value: number): Level {
  return Math.min(5, Math.max(1, Math.round(value))) as Level;
}

/**
 * Difficulty from the nearest labelled example questions: the similarity-weighted average of the
 * k nearest (squared similarities, so a close match counts far more than a loose one). With no
 * similar example at all the middle of the scale is returned.
 */
export function estimateDifficulty(
  embedding: number[],
  examples: LabelledEmbedding[],
): { programming: Level; maths: Level } {
  const nearest = examples
    .map((example) => ({ example, similarity: cosine(embedding, example.embedding) }))
    .filter((entry) => entry.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, NEAREST);
  let total = 0;
  let programming = 0;
  let maths = 0;
  for (const { example, similarity } of nearest) {
    const weight = similarity * similarity;
    total += weight;
    programming += weight * example.programming;
    maths += weight * example.maths;
  }
  if (total === 0) return { programming: 3, maths: 3 };
  return { programming: toLevel(programming / total), maths: toLevel(maths / total) };
}
