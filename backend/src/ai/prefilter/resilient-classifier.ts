import type { Classification, ClassifyInput } from '../types';
import type { PrefilterClassifier } from './classifier';

interface WarnLogger {
  warn(object: object, message: string): void;
}

/**
 * A remote-embedder classifier that falls back to the local one when the embedding vendor fails
 * or times out, so an outage degrades the pre-filter instead of failing the turn. The fallback's
 * vectors have another length, so a stored context from the remote embedder simply does not match
 * (the message counts as a new problem unless it asks for more); `embedderId` says which one ran.
 */
export function withLocalFallback(
  primary: PrefilterClassifier,
  fallback: PrefilterClassifier,
  log: WarnLogger,
): PrefilterClassifier {
  let fallbackLength: number | undefined;
  const remember = (result: Classification) => {
    fallbackLength = result.embedding.length;
    return result;
  };
  return {
    embedderId: primary.embedderId,
    async warmUp(signal) {
      await Promise.all([primary.warmUp(signal).catch(() => {}), fallback.warmUp(signal)]);
    },
    async classify(input: ClassifyInput) {
      try {
        return await primary.classify(input);
      } catch (error) {
        log.warn(
          { embedder: primary.embedderId, err: String(error) },
          'Embedding provider failed; classifying with the local embedder',
        );
        return remember(
          await fallback.classify({ ...input, previousContext: input.previousContext }),
        );
      }
    },
    async embedContext(question, answer) {
      try {
        return await primary.embedContext(question, answer);
      } catch (error) {
        log.warn(
          { embedder: primary.embedderId, err: String(error) },
          'Embedding provider failed; context embedded locally',
        );
        return fallback.embedContext(question, answer);
      }
    },
    estimateDifficulty(embedding) {
      return embedding.length === fallbackLength
        ? fallback.estimateDifficulty(embedding)
        : primary.estimateDifficulty(embedding);
    },
  };
}
