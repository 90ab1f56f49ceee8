import { type LanguageModel, streamText } from 'ai';
import type { GenerateRequest, LlmProvider } from '../types';

const MAX_OUTPUT_TOKENS = 4096;

/**
 * A provider backed by an AI SDK language model. It streams text deltas and rethrows the first
 * error part, so the router can tell a failure before the first token from one after it. Retries
 * are the router's job (maxRetries 0 here), so backoff and failover follow one policy.
 */
export function createAiSdkProvider(id: string, label: string, model: LanguageModel): LlmProvider {
  return {
    id,
    label,
    offline: false,
    async *stream(request: GenerateRequest) {
      const result = streamText({
        model,
        system: request.system,
        messages: request.messages,
        abortSignal: request.signal,
        maxRetries: 0,
        // Ample for a full worked solution; also keeps vendors from reserving their maximum.
        maxOutputTokens: MAX_OUTPUT_TOKENS,
        // Errors arrive as stream parts and are rethrown below; nothing to log here.
        onError: () => {},
      });
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') {
          if (part.text !== '') yield part.text;
        } else if (part.type === 'error') {
          throw part.error;
        } else if (part.type === 'abort') {
          return;
        }
      }
    },
  };
}
