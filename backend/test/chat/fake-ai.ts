// In-test stand-ins for the AI layer: a router that streams scripted pieces (instantly, slowly,
// failing before or after the first token, or hanging until stopped) and a keyword classifier.
import {
  AllProvidersFailedError,
  type ClassifyInput,
  type Classification,
  type GenerateRequest,
  type LlmRouter,
  type MessageClassifier,
  StreamInterruptedError,
} from '../../src/ai/types';
import type { Level } from '../../src/pedagogy/types';

export type Script =
  | {
      kind: 'answer';
      pieces: string[];
      delayMs?: number;
      /** Reported through onProvider, as the real router does after a failover. */
      provider?: { label: string; offline: boolean };
    }
  | { kind: 'all_fail' }
  | { kind: 'interrupt_after'; pieces: string[] }
  | { kind: 'hang'; pieces?: string[] };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export class FakeRouter implements LlmRouter {
  primaryLabel = 'Fake tutor';
  offline = false;
  requests: GenerateRequest[] = [];
  completeCalls: { system: string; prompt: string }[] = [];
  /** Scripts used in order; the last one repeats. */
  scripts: Script[] = [{ kind: 'answer', pieces: ['Think about ', 'what $A^{-1}$ ', 'means.'] }];
  summary: string | null = 'SUMMARY OF EARLIER TURNS';

  script(...scripts: Script[]): this {
    this.scripts = scripts;
    return this;
  }

  async *stream(request: GenerateRequest): AsyncIterable<string> {
    this.requests.push(request);
    const script = this.scripts.length > 1 ? this.scripts.shift()! : this.scripts[0]!;
    if (script.kind === 'all_fail') throw new AllProvidersFailedError([new Error('HTTP 500')]);
    if (script.kind === 'interrupt_after') {
      for (const piece of script.pieces) yield piece;
      throw new StreamInterruptedError('fake:model', new Error('socket hang up'));
    }
    if (script.kind === 'hang') {
      for (const piece of script.pieces ?? []) yield piece;
      await sleep(60_000, request.signal);
      return;
    }
    if (script.provider) request.onProvider?.({ id: 'fake:other', ...script.provider });
    for (const piece of script.pieces) {
      if (script.delayMs) await sleep(script.delayMs, request.signal);
      if (request.signal.aborted) return;
      yield piece;
    }
  }

  async complete(request: { system: string; prompt: string }): Promise<string | null> {
    this.completeCalls.push(request);
    return this.summary;
  }
}

const GREETINGS = /^(hello|hi|hey|good (morning|evening)|hi there)[!. ]*$/i;
const OFF_TOPIC = /pizza|football|celebrity|weather/i;
const ELABORATION =
  /don't understand|explain more|next hint|step by step|continue|what do you mean/i;

/** Decides by keywords; "same problem" when the message contains "same" and there is a context. */
export class FakeClassifier implements MessageClassifier {
  embedderId = 'fake-v1';
  difficulty: { programming: Level; maths: Level } = { programming: 3, maths: 3 };
  inputs: ClassifyInput[] = [];
  failNext = false;

  async classify(input: ClassifyInput): Promise<Classification> {
    this.inputs.push(input);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('embedder down');
    }
    const message = input.message.trim();
    const kind = GREETINGS.test(message)
      ? 'greeting'
      : OFF_TOPIC.test(message)
        ? 'off_topic'
        : input.sameCell || (input.previousContext && /\bsame\b/i.test(message))
          ? 'same_problem'
          : ELABORATION.test(message)
            ? 'elaboration'
            : 'new_problem';
    return {
      kind: /^thanks\b/i.test(message) ? 'greeting' : kind,
      ...(/^thanks\b/i.test(message) && { closing: true }),
      embedding: [message.length, 1, 0],
      embedderId: this.embedderId,
      scores: { greeting: 0, topic: 1, sameProblem: null, elaboration: 0 },
    };
  }

  async embedContext(question: string, answer: string): Promise<number[]> {
    return [question.length, answer.length, 1];
  }

  estimateDifficulty(): { programming: Level; maths: Level } {
    return this.difficulty;
  }
}

export interface FakeAi {
  router: FakeRouter;
  classifier: FakeClassifier;
}

/** Replaces the app's AI services (read per turn by the sockets) with fakes. */
export function useFakeAi(app: object): FakeAi {
  const ai = { router: new FakeRouter(), classifier: new FakeClassifier() };
  const current = (app as { ai?: object }).ai ?? {};
  (app as { ai?: object }).ai = { ...current, ...ai };
  return ai;
}
