import type {
  LanguageModelV3,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import type { GenerateRequest, LlmProvider, ModelMessage } from '../types';

const MAX_OUTPUT_TOKENS = 4096;

/** The request as the AI SDK's provider interface takes it: text parts, the system prompt first. */
function toPrompt(system: string, messages: ModelMessage[]): LanguageModelV3Prompt {
  return [
    { role: 'system', content: system },
    ...messages.map(({ role, content }) => ({
      role,
      content: [{ type: 'text' as const, text: content }],
    })),
  ];
}

/**
 * A provider backed by an AI SDK language model. It streams text deltas and rethrows the first
 * error part, so the router can tell a failure before the first token from one after it. Retries
 * are the router's job, so backoff and failover follow one policy.
 *
 * It calls the model's own stream (the vendor's wire format, parsed) rather than `streamText`:
 * streamText records every part for its other views of the answer (a branch of the stream nobody
 * reads keeps them all until the answer ends), 20 MB at the peak of 200 streamed answers, and
 * none of its other work (tools, steps, telemetry) applies to a tutor's text.
 */
export function createAiSdkProvider(
  id: string,
  label: string,
  model: LanguageModelV3,
): LlmProvider {
  return {
    id,
    label,
    offline: false,
    async *stream(request: GenerateRequest) {
      let reader: ReadableStreamDefaultReader<LanguageModelV3StreamPart> | undefined;
      try {
        const { stream } = await model.doStream({
          prompt: toPrompt(request.system, request.messages),
          abortSignal: request.signal,
          // Ample for a full worked solution; also keeps vendors from reserving their maximum.
          maxOutputTokens: MAX_OUTPUT_TOKENS,
        });
        reader = stream.getReader();
        for (;;) {
          const { done, value: part } = await reader.read();
          if (done) return;
          if (part.type === 'text-delta') {
            if (part.delta !== '') yield part.delta;
          } else if (part.type === 'error') {
            throw part.error;
          }
        }
      } catch (error) {
        // An aborted request ends the answer; the caller who aborted knows why.
        if (request.signal.aborted) return;
        throw error;
      } finally {
        // A caller that stops reading (or an error part) ends the vendor's response too.
        void reader?.cancel().catch(() => {});
      }
    },
  };
}
