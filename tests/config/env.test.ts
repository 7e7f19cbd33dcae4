import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';

describe('loadEnv', () => {
  it('defaults to embedded PGlite with the demo on port 4000', () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ PGLITE_DATA_DIR: './.data/pglite', PORT: 4000, SEED_DEMO: true });
  });

  it('treats an empty URL variable as unset', () => {
    const env = loadEnv({ DATABASE_URL: '', REDIS_URL: '' });
    expect([env.DATABASE_URL, env.REDIS_URL]).toEqual([undefined, undefined]);
  });

  it('names the variable and the problem when a value is bad', () => {
    expect(() => loadEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ PORT: '70000' })).toThrow(/PORT/);
  });
});
