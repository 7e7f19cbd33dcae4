import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { openReadReplica } from '../../src/db/open.js';

describe('openReadReplica', () => {
  it('opens nothing without DATABASE_READ_URL', () => {
    expect(openReadReplica(loadEnv({}))).toBeNull();
  });

  it('refuses a replica without a primary to write to', () => {
    expect(() => openReadReplica(loadEnv({ DATABASE_READ_URL: 'postgres://replica.invalid/db' }))).toThrow(
      /DATABASE_URL/,
    );
  });
});
