import { describe, expect, it } from 'vitest';
import { redactUrl } from './logger';

describe('redactUrl', () => {
  it('blanks the token of a WebSocket URL', () => {
    expect(redactUrl('/ws/chat?token=eyJhbGciOi.abc.def')).toBe('/ws/chat?token=[REDACTED]');
  });

  it('keeps other query parameters and blanks every secret one', () => {
    expect(redactUrl('/ws/tutor?module=1&token=abc&refresh_token=def&page=2')).toBe(
      '/ws/tutor?module=1&token=[REDACTED]&refresh_token=[REDACTED]&page=2',
    );
    expect(redactUrl('/x?ACCESS_TOKEN=abc#frag')).toBe('/x?ACCESS_TOKEN=[REDACTED]#frag');
  });

  it('leaves URLs without secrets alone', () => {
    expect(redactUrl('/api/auth/me')).toBe('/api/auth/me');
    expect(redactUrl('/api/modules?tokenizer=1')).toBe('/api/modules?tokenizer=1');
  });
});
