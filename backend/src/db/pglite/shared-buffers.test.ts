// PGLITE_SHARED_BUFFERS_MB: from the environment to the embedded database's target.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from '../../config/env';
import { databaseTargetFromEnv } from '../database-target';

describe('PGLITE_SHARED_BUFFERS_MB', () => {
  it('defaults to 32 MB and reaches the PGlite target', () => {
    expect(databaseTargetFromEnv(loadEnv({}))).toMatchObject({
      kind: 'pglite',
      sharedBuffersMb: 32,
    });
    expect(databaseTargetFromEnv(loadEnv({ PGLITE_SHARED_BUFFERS_MB: '64' }))).toMatchObject({
      kind: 'pglite',
      sharedBuffersMb: 64,
    });
  });

  it.each(['0', '1', '2.5', 'lots', '1025'])('rejects %j with the key named', (value) => {
    expect(() => loadEnv({ PGLITE_SHARED_BUFFERS_MB: value })).toThrow(ConfigError);
    expect(() => loadEnv({ PGLITE_SHARED_BUFFERS_MB: value })).toThrow(/PGLITE_SHARED_BUFFERS_MB/);
  });
});
