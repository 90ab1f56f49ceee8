import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** Every environment key the server reads. `.env.example` documents each one. */
export const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFromString.optional(),
  /** Write JSON log lines to this file instead of stdout (the end-to-end tests read it). */
  LOG_FILE: optionalString,
  TRUST_PROXY: booleanFromString.default(false),
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default('./data'),
  JWT_SECRET: optionalString.refine((value) => value === undefined || value.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  ACCESS_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  REDIS_URL: optionalString,
  FRONTEND_DIST: z.string().default('frontend/dist'),
  JUPYTERLITE_DIR: z.string().default('frontend/public/jupyterlite'),
  NOTEBOOKS_DIR: z.string().default('notebooks'),
  CHAT_HISTORY_BUDGET_CHARS: z.coerce.number().int().min(1000).default(24_000),
  CHAT_SUMMARY_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_000),
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
