/** Cosine similarity; 0 when either vector is empty, of zero length, or the lengths differ. */
export function cosine(a: number[], b: number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** The highest cosine similarity of `vector` to any of `anchors`. */
export function maxSimilarity(vector: number[], anchors: number[][]): number {
  let best = 0;
  for (const anchor of anchors) best = Math.max(best, cosine(vector, anchor));
  return best;
}

/** A weighted sum of vectors, L2-normalised (used for the Q+A context). */
export function weightedMean(vectors: { vector: number[]; weight: number }[]): number[] {
  const length = vectors[0]?.vector.length ?? 0;
  const sum = new Array<number>(length).fill(0);
  for (const { vector, weight } of vectors) {
    for (let i = 0; i < length; i++) sum[i] = (sum[i] as number) + weight * (vector[i] ?? 0);
  }
  const norm = Math.sqrt(sum.reduce((acc, value) => acc + value * value, 0)) || 1;
  return sum.map((value) => value / norm);
}
