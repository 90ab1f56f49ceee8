import type { GenerateRequest, LlmProvider } from '../types';
import { composeAnswer } from './compose';
import { streamPieces } from './stream-pieces';

/**
 * The built-in offline tutor: a provider that answers from exercise material, an error knowledge
 * base and concept notes, honouring the hint level, with no model and no network.
 */
export function createOfflineTutor(): LlmProvider {
  return {
    id: 'offline',
    label: 'Offline tutor',
    offline: true,
    async *stream(request: GenerateRequest) {
      // The history lets a bare follow-up ("I don't understand") find the problem it is about.
      const answer = composeAnswer(request.material, request.hintLevel, request.messages);
      yield* streamPieces(answer, request.signal);
    },
  };
}
