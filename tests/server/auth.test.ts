import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../src/db/execute.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../src/domain/api-tokens.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { RateLimiter } from '../../src/server/rate-limit.js';
import { createYogaServer } from '../../src/server/yoga.js';
import { drivers } from '../helpers/db.js';
import { errorCodes, postGraphQL } from '../helpers/http.js';
import { createTestServer, demoImportInput, type TestServer, testServerOptions } from '../helpers/server.js';

const IMPORT = 'mutation($input: ImportArticleInput!) { importArticle(input: $input) { status } }';
const READ = '{ articles(first: 1) { totalCount } }';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(drivers)('auth (%s)', (driver) => {
  let server: TestServer;
  const articleCount = async () =>
    Number((await executeRows<{ n: number }>(server.db, sql`select count(*)::int as n from articles`))[0].n);
  const importDemo = (headers: Record<string, string>) =>
    postGraphQL(server.yoga, { query: IMPORT, variables: { input: demoImportInput() } }, headers);

  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(() => server.close());

  it('refuses a mutation without a token, and writes nothing', async () => {
    const response = await importDemo({});
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await articleCount()).toBe(0);
  });

  it('refuses a wrong token and a malformed header', async () => {
    for (const headers of [bearer('ng_not-a-real-token'), { authorization: 'Basic abc' }]) {
      const response = await importDemo(headers);
      expect(response.status).toBe(401);
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await articleCount()).toBe(0);
  });

  it('accepts a database token, records its use, and refuses it once revoked', async () => {
    const { token } = await createApiToken(server.db, 'newsroom');
    const ok = await importDemo(bearer(token));
    expect(ok.body.errors).toBeUndefined();
    expect(await articleCount()).toBe(1);
    const [row] = (await listApiTokens(server.db)).filter((t) => t.name === 'newsroom');
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    // Only the hash is stored.
    const stored = await executeRows<{ token_hash: string }>(
      server.db,
      sql`select token_hash from api_tokens`,
    );
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    await revokeApiToken(server.db, 'newsroom');
    const refused = await importDemo(bearer(token));
    expect(refused.status).toBe(401);
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
  });

  it('reads are public by default; a sent token must still be valid', async () => {
    expect((await postGraphQL(server.yoga, { query: READ })).body.data).toEqual({
      articles: { totalCount: 1 },
    });
    const wrong = await postGraphQL(server.yoga, { query: READ }, bearer('nope'));
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
  });

  it('READS_REQUIRE_TOKEN makes queries need a token too', async () => {
    const options = testServerOptions((o) => (o.auth.readsRequireToken = true));
    const closed = createYogaServer({ db: server.db, gazetteer: await loadGazetteer(), options });
    expect(errorCodes(await postGraphQL(closed, { query: READ }))).toEqual(['UNAUTHENTICATED']);
    const { token } = await createApiToken(server.db, 'reader');
    expect((await postGraphQL(closed, { query: READ }, bearer(token))).body.data).toEqual({
      articles: { totalCount: 1 },
    });
  });

  it('rate limits each token with 429 and RATE_LIMITED', async () => {
    const { token } = await createApiToken(server.db, 'limited', { rateLimitPerMinute: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(await postGraphQL(server.yoga, { query: READ }, bearer(token)));
    expect(codes.slice(0, 2).map((r) => r.body.errors)).toEqual([undefined, undefined]);
    expect(codes[2].status).toBe(429);
    expect(errorCodes(codes[2])).toEqual(['RATE_LIMITED']);
    expect(Number(codes[2].headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('token bucket', () => {
  it('allows a minute’s worth in a burst, then refills continuously', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect([1, 2, 3].map(() => limiter.take('a', 3))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 3)).toBe(20_000);
    expect(limiter.take('b', 3)).toBe(0);
    now = 20_000;
    expect(limiter.take('a', 3)).toBe(0);
    expect(limiter.take('a', 3)).toBeGreaterThan(0);
  });
});

describe('CSRF prevention', () => {
  it('refuses a GET (a "simple" browser request) without the custom header', async () => {
    const server = await createTestServer('pglite');
    const url = 'http://yoga/graphql?query=%7B__typename%7D';
    const bare = await server.yoga.fetch(url, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(403);
    const form = await server.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(form.status).toBe(403);
    const marked = await server.yoga.fetch(url, {
      headers: { accept: 'application/json', 'x-graphql-csrf': '1' },
    });
    expect(await marked.json()).toEqual({ data: { __typename: 'Query' } });
    await server.close();
  });
});
