import { LRUCache } from 'lru-cache';
import type { Embedder } from '../types';

export interface EmbeddingCacheOptions {
  /** Most vectors kept (each is a few KB). */
  maxEntries?: number;
}

/**
 * Wraps an embedder with an LRU cache keyed by embedder id and text. Only the texts not cached are
 * sent, in one batch, so a message, its anchors and repeated phrases cost one call at most.
 */
export function withEmbeddingCache(
  embedder: Embedder,
  options: EmbeddingCacheOptions = {},
): Embedder {
  const cache = new LRUCache<string, number[]>({ max: options.maxEntries ?? 5000 });
  const keyOf = (text: string) => `${embedder.id}\u0000${text}`;
  return {
    id: embedder.id,
    thresholds: embedder.thresholds,
    async embed(texts, signal) {
      const result: (number[] | undefined)[] = texts.map((text) => cache.get(keyOf(text)));
      const missing = [...new Set(texts.filter((_, i) => result[i] === undefined))];
      if (missing.length > 0) {
        const vectors = await embedder.embed(missing, signal);
        if (vectors.length !== missing.length) {
          throw new Error(
            `Embedder ${embedder.id} returned ${vectors.length} vectors for ${missing.length} texts`,
          );
        }
        missing.forEach((text, i) => cache.set(keyOf(text), vectors[i] as number[]));
      }
      return texts.map((text, i) => result[i] ?? (cache.get(keyOf(text)) as number[]));
    },
  };
}
