import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const LLM_PROVIDER_NAMES = [
  'anthropic',
  'openai',
  'google',
  'openai-compatible',
  'offline',
] as const;
export type LlmProviderName = (typeof LLM_PROVIDER_NAMES)[number];

const llmProviderList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  )
  .pipe(z.array(z.enum(LLM_PROVIDER_NAMES)));

/** Every environment key the server reads. `.env.example` documents each one. */
const BaseEnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFromString.optional(),
  /** Write JSON log lines to this file instead of stdout (the end-to-end tests read it). */
  LOG_FILE: optionalString,
  TRUST_PROXY: booleanFromString.default(false),
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  /** The embedded PGlite's shared_buffers (its page cache); resident once used. */
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(2).max(1024).default(32),
  JWT_SECRET: optionalString.refine((value) => value === undefined || value.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  ACCESS_TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  REDIS_URL: optionalString,
  // Password-reset mail: without SMTP_URL the link is logged instead (a local install works).
  SMTP_URL: optionalString,
  SMTP_FROM: z.string().default('Numerical Tutor <no-reply@localhost>'),
  /** The address students open the app at, for links in mails (e.g. https://tutor.example.org). */
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  FRONTEND_DIST: z.string().default('frontend/dist'),
  JUPYTERLITE_DIR: z.string().default('frontend/public/jupyterlite'),
  /** A Pyodide package folder (`npm run pyodide:mirror`) to serve under /pyodide/ for the lab. */
  PYODIDE_MIRROR_DIR: optionalString,
  NOTEBOOKS_DIR: z.string().default('notebooks'),
  CHAT_HISTORY_BUDGET_CHARS: z.coerce.number().int().min(1000).default(24_000),
  CHAT_SUMMARY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  CHAT_SOCKET_PING_MS: z.coerce.number().int().min(50).default(30_000),
  CHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  // AI: language models in failover order; empty means the built-in offline tutor only.
  LLM_PROVIDERS: llmProviderList,
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_MODEL: z.string().default('claude-haiku-4-5'),
  ANTHROPIC_BASE_URL: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_BASE_URL: optionalString,
  GOOGLE_API_KEY: optionalString,
  GOOGLE_MODEL: z.string().default('gemini-2.5-flash'),
  GOOGLE_BASE_URL: optionalString,
  OPENAI_COMPATIBLE_BASE_URL: optionalString,
  OPENAI_COMPATIBLE_MODEL: optionalString,
  OPENAI_COMPATIBLE_API_KEY: optionalString,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  // Circuit breaker per provider: consecutive failed turns that open it (0: off), and its cool-down.
  LLM_BREAKER_FAILURES: z.coerce.number().int().min(0).max(100).default(3),
  LLM_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  // AI: embeddings for the message pre-filter; "local" needs no network.
  EMBEDDING_PROVIDER: z
    .enum(['local', 'openai', 'cohere', 'google', 'voyage', 'openai-compatible'])
    .default('local'),
  EMBEDDING_MODEL: optionalString,
  EMBEDDING_BASE_URL: optionalString,
  COHERE_API_KEY: optionalString,
  VOYAGE_API_KEY: optionalString,
  EMBEDDING_THRESHOLDS: optionalString,
  EMBEDDING_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
});

/** Which key each listed LLM provider needs before the server starts. */
const llmRequirements: Record<
  Exclude<LlmProviderName, 'offline'>,
  (keyof z.infer<typeof BaseEnvSchema>)[]
> = {
  anthropic: ['ANTHROPIC_API_KEY'],
  openai: ['OPENAI_API_KEY'],
  google: ['GOOGLE_API_KEY'],
  'openai-compatible': ['OPENAI_COMPATIBLE_BASE_URL', 'OPENAI_COMPATIBLE_MODEL'],
};

const embeddingRequirements: Record<string, (keyof z.infer<typeof BaseEnvSchema>)[]> = {
  openai: ['OPENAI_API_KEY'],
  cohere: ['COHERE_API_KEY'],
  google: ['GOOGLE_API_KEY'],
  voyage: ['VOYAGE_API_KEY'],
  'openai-compatible': ['EMBEDDING_BASE_URL', 'EMBEDDING_MODEL'],
};

export const EnvSchema = BaseEnvSchema.superRefine((env, ctx) => {
  for (const name of env.LLM_PROVIDERS) {
    if (name === 'offline') continue;
    for (const key of llmRequirements[name]) {
      if (!env[key])
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `required when LLM_PROVIDERS lists ${name}`,
        });
    }
  }
  for (const key of embeddingRequirements[env.EMBEDDING_PROVIDER] ?? []) {
    if (!env[key]) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `required when EMBEDDING_PROVIDER is ${env.EMBEDDING_PROVIDER}`,
      });
    }
  }
  // A link built from the request's Host header could point a mailed token at another site.
  if (env.SMTP_URL && !env.PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required with SMTP_URL' });
  }
  if (env.EMBEDDING_THRESHOLDS !== undefined) {
    try {
      JSON.parse(env.EMBEDDING_THRESHOLDS);
    } catch {
      ctx.addIssue({
        code: 'custom',
        path: ['EMBEDDING_THRESHOLDS'],
        message: 'must be a JSON object',
      });
    }
  }
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once, failing fast with every bad key listed. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return result.data;
}
