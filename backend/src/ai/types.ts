// The contract between the AI layer (providers, embedders, the message pre-filter) and the chat
// pipeline that uses it. Implementations live beside this file.

import type {
  ExerciseChecks,
  ExerciseMaterial,
  HintLevel,
  Level,
  MessageKind,
} from '../pedagogy/types';

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** What the built-in offline tutor reads instead of the system prompt (an LLM ignores it). */
export interface TutorMaterial {
  question: string;
  cellCode?: string;
  errorOutput?: string;
  moduleTitle?: string;
  exercise?: ExerciseMaterial;
  /** The exercise's check state (with `exercise`). */
  checks?: ExerciseChecks;
  /** The level was held: the student should try their code before the next hint. */
  needsAttempt?: boolean;
  /** Python is not running in the student's notebook: do not ask them to run anything. */
  pythonDown?: boolean;
  studentName?: string;
  programmingLevel: Level;
  mathsLevel: Level;
}

export interface GenerateRequest {
  system: string;
  messages: ModelMessage[];
  hintLevel: HintLevel;
  material: TutorMaterial;
  signal: AbortSignal;
  /**
   * Called by the router once, when a provider delivers its first token: the one that answers,
   * which after a failover is not the primary (e.g. to show "Offline tutor").
   */
  onProvider?: (provider: { id: string; label: string; offline: boolean }) => void;
}

export interface LlmProvider {
  /** e.g. "openai:gpt-4o-mini", "offline". */
  id: string;
  /** Shown in the UI, e.g. "Offline tutor". */
  label: string;
  offline: boolean;
  /** Streams text pieces. Throws before the first piece for retryable failures. */
  stream(request: GenerateRequest): AsyncIterable<string>;
}

/** Providers in order with retries and failover before the first token. */
export interface LlmRouter {
  /** Label of the provider that will answer first (for the UI: "Offline tutor"). */
  readonly primaryLabel: string;
  readonly offline: boolean;
  /**
   * Streams one answer from one provider. Failures before the first token move on to the next
   * provider; failures after it throw `StreamInterruptedError`; when every provider fails before
   * its first token it throws `AllProvidersFailedError`.
   */
  stream(request: GenerateRequest): AsyncIterable<string>;
  /** A short completion with a tight timeout (difficulty rating, summaries), or null on failure. */
  complete(request: {
    system: string;
    prompt: string;
    timeoutMs: number;
    signal?: AbortSignal;
  }): Promise<string | null>;
}

export class AllProvidersFailedError extends Error {
  constructor(readonly causes: unknown[]) {
    super('Every language model provider failed before answering');
    this.name = 'AllProvidersFailedError';
  }
}

export class StreamInterruptedError extends Error {
  constructor(
    readonly providerId: string,
    cause: unknown,
  ) {
    super(`The answer from ${providerId} stopped part-way`, { cause });
    this.name = 'StreamInterruptedError';
  }
}

export interface EmbeddingThresholds {
  /** Similarity to the nearest greeting phrase at or above which a message is a greeting. */
  greeting: number;
  /** Similarity to the nearest topic anchor below which a message is off-topic. */
  offTopic: number;
  /** Similarity to the previous Q+A context at or above which a message continues the problem. */
  sameProblem: number;
  /** Similarity to the nearest elaboration phrase at or above which it asks for more. */
  elaboration: number;
  /**
   * Topic similarity at or above which a message carries a question of its own ("explain the chain
   * rule") rather than a bare request for more ("explain that again"). Default: 2 × offTopic.
   */
  elaborationMaxTopic?: number;
}

export interface Embedder {
  /** Stable id including the model, e.g. "local-v1", "openai:text-embedding-3-small". */
  id: string;
  thresholds: EmbeddingThresholds;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}

export interface ClassifyInput {
  message: string;
  /** The previous Q+A context embedding, when the session has one from the same embedder. */
  previousContext?: number[];
  /** Tutor only: the student asks about the same notebook cell as last time. */
  sameCell?: boolean;
}

export interface Classification {
  kind: MessageKind;
  /** The message's embedding (computed once, reused by every check). */
  embedding: number[];
  embedderId: string;
  scores: { greeting: number; topic: number; sameProblem: number | null; elaboration: number };
  /**
   * On a greeting: true when it closes a turn ("thanks", "ok, got it") rather than opens one, so a
   * "glad to help" reply fits better than a hello.
   */
  closing?: boolean;
}

/** The embedding pre-filter of foundation §2. */
export interface MessageClassifier {
  readonly embedderId: string;
  classify(input: ClassifyInput): Promise<Classification>;
  /** Embeds the Q+A context stored for the next same-problem check. */
  embedContext(question: string, answer: string): Promise<number[]>;
  /** Difficulty estimated from the nearest labelled example questions, without an LLM call. */
  estimateDifficulty(embedding: number[]): { programming: Level; maths: Level };
}
