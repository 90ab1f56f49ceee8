import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../config/env';

describe('AI configuration keys', () => {
  it('defaults to the offline tutor and the local embedder', () => {
    const env = loadEnv({});
    expect(env.LLM_PROVIDERS).toEqual([]);
    expect(env.EMBEDDING_PROVIDER).toBe('local');
  });

  it('parses the ordered provider list', () => {
    expect(
      loadEnv({
        LLM_PROVIDERS: ' Anthropic, openai ,offline',
        ANTHROPIC_API_KEY: 'k',
        OPENAI_API_KEY: 'k',
      }).LLM_PROVIDERS,
    ).toEqual(['anthropic', 'openai', 'offline']);
  });

  it('names every key a listed provider is missing', () => {
    try {
      loadEnv({ LLM_PROVIDERS: 'anthropic,openai-compatible', EMBEDDING_PROVIDER: 'cohere' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toContain('ANTHROPIC_API_KEY: required when LLM_PROVIDERS lists anthropic');
      expect(text).toContain('OPENAI_COMPATIBLE_BASE_URL');
      expect(text).toContain('OPENAI_COMPATIBLE_MODEL');
      expect(text).toContain('COHERE_API_KEY: required when EMBEDDING_PROVIDER is cohere');
    }
  });

  it('rejects an unknown provider and thresholds that are not JSON', () => {
    expect(() => loadEnv({ LLM_PROVIDERS: 'openai,mistral', OPENAI_API_KEY: 'k' })).toThrow(
      ConfigError,
    );
    expect(() => loadEnv({ EMBEDDING_THRESHOLDS: '{offTopic: 0.2' })).toThrow(
      /EMBEDDING_THRESHOLDS/,
    );
  });

  it('has circuit breaker defaults and rejects settings out of range', () => {
    expect(loadEnv({})).toMatchObject({ LLM_BREAKER_FAILURES: 3, LLM_BREAKER_COOLDOWN_MS: 30_000 });
    expect(loadEnv({ LLM_BREAKER_FAILURES: '0' }).LLM_BREAKER_FAILURES).toBe(0);
    expect(() => loadEnv({ LLM_BREAKER_FAILURES: '-1' })).toThrow(/LLM_BREAKER_FAILURES/);
    expect(() => loadEnv({ LLM_BREAKER_FAILURES: 'three' })).toThrow(/LLM_BREAKER_FAILURES/);
    expect(() => loadEnv({ LLM_BREAKER_COOLDOWN_MS: '10' })).toThrow(/LLM_BREAKER_COOLDOWN_MS/);
  });
});
