import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../config/env';
import { ConfigError } from '../config/env';
import { fromRepoRoot } from '../config/paths';

/**
 * JWT_SECRET when set. On the embedded database a secret is generated once and kept under
 * DATA_DIR so restarts keep everyone signed in. With DATABASE_URL (possibly several instances)
 * a shared secret must be configured.
 */
export function resolveJwtSecret(env: Env): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (env.DATABASE_URL) {
    throw new ConfigError([
      'JWT_SECRET: required when DATABASE_URL is set (every instance must share it)',
    ]);
  }
  const dataDir = fromRepoRoot(env.DATA_DIR);
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
