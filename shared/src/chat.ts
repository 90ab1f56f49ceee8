/**
 * The chat and tutor wire protocol: WebSocket frames of `/ws/chat` and `/ws/tutor` and the REST
 * responses of `/api/chat/*`. Used by the server (validation) and the browser (typing, parsing).
 *
 * A turn on the socket: the client sends a message frame; the server answers with `session`, then
 * either one `canned` event (greeting / off-topic), or `token` events followed by `done`, or an
 * `error` event. A `{"type":"stop"}` frame ends the current answer early: the partial answer is
 * stored with status "stopped" and the turn ends with `done` carrying `status: "stopped"`.
 */
import { z } from 'zod';

/** Hint levels run from 1 (Socratic question) to 5 (full solution): "Hint 2 of 5". */
export const MAX_HINT_LEVEL = 5;
/** Longest message a student can send. */
export const MAX_MESSAGE_CHARS = 8000;
/** Tutor context longer than these is truncated (with a marker), not refused. */
export const MAX_CELL_CODE_CHARS = 20_000;
export const MAX_ERROR_OUTPUT_CHARS = 10_000;

/** Close codes of `/ws/chat` and `/ws/tutor`, each sent with a reason. */
export const SocketCloseCodes = {
  /** Missing, invalid or expired access token: refresh it and reconnect. */
  unauthorized: 4001,
  /** `/ws/tutor`: module_id missing or not a UUID. Do not reconnect. */
  invalidModuleId: 4400,
  /** `/ws/tutor`: no module with that id. Do not reconnect. */
  moduleNotFound: 4404,
  /** The server is shutting down: reconnect (with backoff). */
  goingAway: 1001,
} as const;

export const SessionTypeSchema = z.enum(['general', 'tutor']);
export type SessionType = z.infer<typeof SessionTypeSchema>;

const uuid = (field: string) => z.uuid({ error: `${field} must be a UUID` });

const MessageContentSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'content is required' : 'content must be a string',
  })
  .refine((value) => value.trim().length > 0, { error: 'content must not be empty' })
  .refine((value) => value.length <= MAX_MESSAGE_CHARS, {
    error: `content is longer than ${MAX_MESSAGE_CHARS} characters`,
  });

// ---- Client → server frames ----

/** `/ws/chat`: `{content, session_id?}` (the `type` is optional). */
export const ChatMessageFrameSchema = z.object({
  type: z.literal('message').optional(),
  content: MessageContentSchema,
  session_id: uuid('session_id').optional(),
  /** True: answer this problem from hint 1 again (the student asked to start the ladder over). */
  from_first_hint: z.boolean({ error: 'from_first_hint must be true or false' }).optional(),
});
export type ChatMessageFrame = z.infer<typeof ChatMessageFrameSchema>;

/** Ends the answer being streamed (no effect when nothing is streaming). */
export const StopFrameSchema = z.object({ type: z.literal('stop') });
export type StopFrame = z.infer<typeof StopFrameSchema>;

/**
 * `/ws/tutor`: a chat frame plus the notebook context. `cell_code` and `error_output` longer than
 * their limits are truncated by the server. Without `session_id` the module's latest tutor session
 * continues, unless `new_session` is true.
 */
export const TutorMessageFrameSchema = ChatMessageFrameSchema.extend({
  cell_code: z.string({ error: 'cell_code must be a string' }).nullish(),
  error_output: z.string({ error: 'error_output must be a string' }).nullish(),
  exercise_id: z
    .string({ error: 'exercise_id must be a string' })
    .max(200, { error: 'exercise_id is longer than 200 characters' })
    .nullish(),
  new_session: z.boolean({ error: 'new_session must be true or false' }).optional(),
  /** False when Python is not running in the notebook (it could not start): the tutor then does
   * not ask the student to run code. */
  python_ready: z.boolean({ error: 'python_ready must be true or false' }).optional(),
});
export type TutorMessageFrame = z.infer<typeof TutorMessageFrameSchema>;

// ---- Server → client events ----

export const SessionEventSchema = z.object({
  type: z.literal('session'),
  session_id: z.uuid(),
  session_type: SessionTypeSchema,
  module_id: z.uuid().nullable(),
  /** True when an existing session continues (tutor reopening a module), false when just created. */
  continued: z.boolean(),
  /** Who answers, e.g. "Offline tutor" or "OpenAI gpt-4o-mini": show it beside the answers. */
  tutor_label: z.string(),
  /** True when the built-in offline tutor answers (no language model configured). */
  offline: z.boolean(),
  /** The session's hint level before this turn (null before its first answer). */
  hint_level: z.number().int().min(1).max(MAX_HINT_LEVEL).nullable(),
});

export const TokenEventSchema = z.object({ type: z.literal('token'), content: z.string() });

export const DoneEventSchema = z.object({
  type: z.literal('done'),
  /** The level of the answer just given: show "Hint {hint_level} of 5". */
  hint_level: z.number().int().min(1).max(MAX_HINT_LEVEL),
  programming_difficulty: z.number().int().min(1).max(5),
  maths_difficulty: z.number().int().min(1).max(5),
  message_id: z.uuid(),
  /** "stopped" when the client's stop frame ended the answer early. */
  status: z.enum(['complete', 'stopped']),
  /** Who actually answered (after a failover, not necessarily the session event's tutor_label). */
  tutor_label: z.string().optional(),
  offline: z.boolean().optional(),
  /**
   * True when the tutor kept the hint level instead of going above level 3: the student has not
   * changed and run the exercise's code (or its check) since the previous hint. Show "Try your
   * code, then ask for the next hint".
   */
  needs_attempt: z.boolean().optional(),
  /**
   * On the first answer of a problem: why the ladder starts where it does, in plain words
   * ("Starting at hint 3: …"). Offer "Start from hint 1" beside it when `hint_level` is above 1.
   */
  start_reason: z.string().optional(),
});

export const CannedFilterSchema = z.enum(['greeting', 'off_topic']);

export const CannedEventSchema = z.object({
  type: z.literal('canned'),
  content: z.string(),
  filter: CannedFilterSchema,
  message_id: z.uuid(),
});

export const ErrorEventSchema = z.object({ type: z.literal('error'), message: z.string() });

export const ChatServerEventSchema = z.discriminatedUnion('type', [
  SessionEventSchema,
  TokenEventSchema,
  DoneEventSchema,
  CannedEventSchema,
  ErrorEventSchema,
]);
export type SessionEvent = z.infer<typeof SessionEventSchema>;
export type TokenEvent = z.infer<typeof TokenEventSchema>;
export type DoneEvent = z.infer<typeof DoneEventSchema>;
export type CannedEvent = z.infer<typeof CannedEventSchema>;
export type ErrorEvent = z.infer<typeof ErrorEventSchema>;
export type ChatServerEvent = z.infer<typeof ChatServerEventSchema>;

// ---- REST ----

/** `GET /api/chat/sessions?type=general|tutor&module_id=<uuid>` (both filters optional). */
export const ChatSessionsQuerySchema = z.object({
  type: SessionTypeSchema.optional(),
  module_id: uuid('module_id').optional(),
});
export type ChatSessionsQuery = z.infer<typeof ChatSessionsQuerySchema>;

/** One item of `GET /api/chat/sessions` (an array, newest first). */
export const ChatSessionSummarySchema = z.object({
  id: z.uuid(),
  /** First 80 characters of the first user message ("" for a session without one). */
  preview: z.string(),
  /**
   * The session's name: its first real question (a greeting, an off-topic or a too-short message
   * does not name it), at most 80 characters; null while it has none.
   */
  title: z.string().nullable(),
  created_at: z.string(),
  session_type: SessionTypeSchema,
  module_id: z.uuid().nullable(),
});
export const ChatSessionListSchema = z.array(ChatSessionSummarySchema);
export type ChatSessionSummary = z.infer<typeof ChatSessionSummarySchema>;

export const ChatMessageStatusSchema = z.enum(['complete', 'stopped', 'incomplete']);

/** One item of `GET /api/chat/sessions/{id}/messages` (an array, oldest first). */
export const ChatMessageOutSchema = z.object({
  id: z.uuid(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  /** Assistant answers only; null for canned replies and user messages. */
  hint_level_used: z.number().int().nullable(),
  problem_difficulty: z.number().int().nullable(),
  maths_difficulty: z.number().int().nullable(),
  /** "stopped" (student pressed stop) or "incomplete" (the provider failed mid-answer). */
  status: ChatMessageStatusSchema,
  /** Who answered an assistant answer (e.g. "Offline tutor"); null for user messages and canned replies. */
  tutor_label: z.string().nullable(),
  created_at: z.string(),
});
export const ChatMessageListSchema = z.array(ChatMessageOutSchema);
export type ChatMessageOut = z.infer<typeof ChatMessageOutSchema>;

/** Path parameter of the session routes; a non-UUID id answers 422. */
export const ChatSessionParamsSchema = z.object({ id: uuid('id') });
