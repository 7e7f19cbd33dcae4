import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGate } from '../../src/server/plugins/use-admission.js';
import { errorCodes, postGraphQL } from '../helpers/http.js';
import { createTestServer, type TestServer, testServerOptions } from '../helpers/server.js';

describe('the admission gate', () => {
  it('admits up to its size, then queues in order, and gives up after the timeout', async () => {
    const gate = createGate(2);
    const a = await gate.acquire(10);
    const b = await gate.acquire(10);
    expect(a && b).toBeTruthy();
    expect(await gate.acquire(20)).toBeNull();
    const waiting = gate.acquire(1_000);
    expect(gate.waiting).toBe(1);
    a?.();
    const c = await waiting;
    expect(c).toBeTypeOf('function');
    b?.();
    c?.();
    expect(await gate.acquire(0)).toBeTypeOf('function');
  });
});

const url = process.env.TEST_DATABASE_URL;

// A held lock keeps the one admitted request on PostgreSQL; PGlite runs one statement at a time.
describe.runIf(url)('a full server answers 503 at once rather than queueing without bound (postgres)', () => {
  let server: TestServer;
  beforeAll(async () => {
    const options = testServerOptions((o) => {
      o.admission = { maxConcurrent: 1, acquireTimeoutMs: 300 };
    });
    server = await createTestServer('postgres', options);
  });
  afterAll(() => server.close());

  // The second query is answered by the compiled path (graphql/compiled-reads/), which must wait
  // at the same gate.
  it.each([
    ['resolved', '{ articles(first: 1) { totalCount } }'],
    ['compiled', '{ articles(first: 1) { edges { node { url } } } }'],
  ])(
    'turns away the second request with SERVICE_UNAVAILABLE and serves the first (%s)',
    async (_kind, query) => {
      const [{ name }] = (await server.db.execute(sql`select current_database() as name`)) as unknown as {
        name: string;
      }[];
      const target = new URL(url as string);
      target.pathname = `/${name}`;
      const other = postgres(target.toString(), { max: 1, onnotice: () => {} });
      let unlock = () => {};
      const locked = other.begin(async (tx) => {
        await tx`lock table articles in access exclusive mode`;
        await new Promise<void>((resolve) => {
          unlock = resolve;
        });
      });
      await new Promise((r) => setTimeout(r, 200));
      const first = postGraphQL(server.yoga, { query });
      await new Promise((r) => setTimeout(r, 100));
      const started = performance.now();
      const second = await postGraphQL(server.yoga, { query });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(second.status).toBe(503);
      expect(errorCodes(second)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(second.headers.get('retry-after')).toBe('1');
      unlock();
      await locked;
      const answered = await first;
      expect(answered.status).toBe(200);
      await other.end();
    },
  );
});
