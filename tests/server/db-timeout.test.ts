import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDb } from '../../src/db/client.js';
import { databaseOutage } from '../../src/server/mask-error.js';
import { errorCodes, postGraphQL } from '../helpers/http.js';
import { createTestServer, type TestServer, testServerOptions } from '../helpers/server.js';

const url = process.env.TEST_DATABASE_URL;

// Statement timeouts are a PostgreSQL setting; PGlite runs one statement at a time in process.
describe.runIf(url)('statement timeout (postgres)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer('postgres', testServerOptions(), { statementTimeoutMs: 300 });
  });
  afterAll(() => server.close());

  it('pg_sleep beyond the timeout is cancelled with 57014, classified as DATABASE_TIMEOUT', async () => {
    const handle = createPostgresDb(url as string, { statementTimeoutMs: 200 });
    const started = performance.now();
    const error = await handle.db.execute(sql`select pg_sleep(3)`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(databaseOutage(error)).toBe('DATABASE_TIMEOUT');
    await handle.close();
  });

  // The compiled path (graphql/compiled-reads/) reports the timeout itself: one statement, not a
  // second wait through normal execution.
  it.each([
    ['resolved', '{ articles(first: 1) { totalCount } }', undefined],
    ['compiled', '{ articles(first: 1) { edges { node { url } } } }', 1],
  ])(
    'a query blocked past the timeout answers 503 DATABASE_TIMEOUT, not a hang (%s)',
    async (_kind, query, statements) => {
      // Hold a lock from another session so the API's read has to wait.
      const [{ name }] = (await server.db.execute(sql`select current_database() as name`)) as unknown as {
        name: string;
      }[];
      const target = new URL(url as string);
      target.pathname = `/${name}`;
      const other = postgres(target.toString(), { max: 1, onnotice: () => {} });
      const locked = other.begin(async (tx) => {
        await tx`lock table articles in access exclusive mode`;
        await tx`select pg_sleep(2)`;
      });
      await new Promise((r) => setTimeout(r, 200));
      const started = performance.now();
      server.resetStatements();
      const response = await postGraphQL(server.yoga, { query });
      expect(performance.now() - started).toBeLessThan(1_800);
      if (statements) expect(server.statements).toHaveLength(statements);
      expect(response.status).toBe(503);
      expect(errorCodes(response)).toEqual(['DATABASE_TIMEOUT']);
      expect(response.headers.get('retry-after')).toBe('5');
      await locked;
      await other.end();
    },
  );
});
