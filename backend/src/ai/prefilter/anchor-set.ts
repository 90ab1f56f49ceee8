/**
 * Anchor vectors with their norms computed once, and the highest cosine similarity of a message to
 * them. The message's non-zero entries are found once and each dot product runs over those only:
 * a short message has a few dozen non-zero entries out of the local embedder's ~1,300, and there
 * are about a hundred anchors. Gives the same result as `maxSimilarity` of embeddings/similarity.
 */
export interface AnchorSet {
  vectors: number[][];
  norms: number[];
}

const normOf = (vector: number[]) => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));

export function anchorSet(vectors: number[][]): AnchorSet {
  return { vectors, norms: vectors.map(normOf) };
}

/** A message vector prepared for many comparisons. */
export interface Probe {
  vector: number[];
  nonZero: number[];
  norm: number;
}

export function probeOf(vector: number[]): Probe {
  const nonZero: number[] = [];
  vector.forEach((x, i) => {
    if (x !== 0) nonZero.push(i);
  });
  return { vector, nonZero, norm: normOf(vector) };
}

/** The highest cosine similarity to any anchor; 0 for none, an empty vector or another length. */
export function maxSimilarityTo(probe: Probe, anchors: AnchorSet): number {
  let best = 0;
  anchors.vectors.forEach((anchor, i) => {
    const norm = anchors.norms[i] as number;
    if (anchor.length !== probe.vector.length || norm === 0 || probe.norm === 0) return;
    let dot = 0;
    for (const j of probe.nonZero) dot += (probe.vector[j] as number) * (anchor[j] as number);
    best = Math.max(best, dot / (probe.norm * norm));
  });
  return best;
}
