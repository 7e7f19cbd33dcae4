import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDb } from '../../src/db/client.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { databaseOutage } from '../../src/server/mask-error.js';
import { createYogaServer } from '../../src/server/yoga.js';
import { drivers } from '../helpers/db.js';
import { errorCodes, postGraphQL } from '../helpers/http.js';
import { createTestServer, type TestServer, testServerOptions } from '../helpers/server.js';

describe.each(drivers)('error masking (%s)', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(() => server.close());

  it('expected failures carry extensions.code', async () => {
    const response = await postGraphQL(server.yoga, {
      query: '{ articles(first: 1, after: 5) { totalCount } }',
    });
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('a database error is masked: no SQL, table names or driver text reach the client', async () => {
    await server.db.execute(sql`alter table claims rename to claims_hidden_xyz`);
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development'; // Yoga's own default would then echo the original error
    try {
      const response = await postGraphQL(server.yoga, {
        query: '{ articles(first: 5) { edges { node { claims(first: 5) { totalCount } } } } }',
      });
      const direct = await postGraphQL(server.yoga, {
        query: '{ sources(first: 5) { edges { node { claimCount } } } }',
      });
      for (const r of [response, direct]) {
        expect(r.text).not.toMatch(
          /select|claims_hidden|relation|postgres|pglite|drizzle|stack|127\.0\.0\.1/i,
        );
      }
      // The article list itself works, so there is data; nested failures are masked errors.
      const codes = [...errorCodes(response), ...errorCodes(direct)];
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(['INTERNAL_SERVER_ERROR']));
      expect(direct.body.errors?.[0].message).toBe('Unexpected error.');
    } finally {
      process.env.NODE_ENV = previous;
      await server.db.execute(sql`alter table claims_hidden_xyz rename to claims`);
    }
  });
});

describe('database outages', () => {
  it('classifies statement timeouts and lost connections by code, through wrappers', () => {
    const wrap = (code: string) => ({ originalError: { cause: Object.assign(new Error('x'), { code }) } });
    expect(databaseOutage(wrap('57014'))).toBe('DATABASE_TIMEOUT');
    expect(databaseOutage(wrap('ECONNREFUSED'))).toBe('SERVICE_UNAVAILABLE');
    expect(databaseOutage(wrap('08006'))).toBe('SERVICE_UNAVAILABLE');
    expect(databaseOutage(wrap('23505'))).toBeNull();
    expect(databaseOutage(new Error('plain'))).toBeNull();
  });

  it('an unreachable database answers 503 SERVICE_UNAVAILABLE quickly, not a hang', async () => {
    const handle = createPostgresDb('postgres://nobody:secret@127.0.0.1:1/nowhere', { connectTimeoutS: 2 });
    const yoga = createYogaServer({
      db: handle.db,
      gazetteer: await loadGazetteer(),
      options: testServerOptions(),
    });
    const started = performance.now();
    const response = await postGraphQL(yoga, { query: '{ articles(first: 1) { totalCount } }' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(response.text).not.toMatch(/nobody|secret|127\.0\.0\.1|nowhere/);
    await handle.close();
  });
});
