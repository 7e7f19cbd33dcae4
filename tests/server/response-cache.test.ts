import { hashSHA256 } from '@graphql-yoga/plugin-response-cache';
import { sql } from 'drizzle-orm';
import { createSchema, createYoga } from 'graphql-yoga';
import { pino } from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CentralQuestionDocument, LocationByNameDocument } from '../../src/client/gql/graphql.js';
import { loadEnv } from '../../src/config/env.js';
import { executeRows } from '../../src/db/execute.js';
import { type ChannelListener, GRAPH_CHANGED_CHANNEL } from '../../src/db/listen.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { type ServerOptions, serverOptionsFromEnv } from '../../src/server/options.js';
import { persistedOperationId } from '../../src/server/plugins/use-persisted-only.js';
import { useResponseCache } from '../../src/server/plugins/use-response-cache.js';
import { createYogaServer, type YogaServer } from '../../src/server/yoga.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';
import { errorCodes, postGraphQL } from '../helpers/http.js';
import { demoImportInput, TEST_ADMIN_TOKEN, testServerOptions } from '../helpers/server.js';

const IMPORT = 'mutation($input: ImportArticleInput!) { importArticle(input: $input) { status } }';
const TITLES = '{ articles(first: 5) { totalCount edges { node { title } } } }';
const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** The change feed of a test database, with a way to wait for its next event. */
function observedChanges(testDb: TestDb) {
  const waiting: { event: keyof ChannelListener; resolve: () => void }[] = [];
  const seen = (event: keyof ChannelListener) => {
    for (const w of waiting.filter((w) => w.event === event)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  return {
    changes: (listener: ChannelListener) =>
      testDb.listen(GRAPH_CHANGED_CHANNEL, {
        up: () => (listener.up(), seen('up')),
        notify: (payload) => (listener.notify(payload), seen('notify')),
        down: () => (listener.down(), seen('down')),
      }),
    next: (event: keyof ChannelListener) => new Promise<void>((resolve) => waiting.push({ event, resolve })),
  };
}

describe.each(drivers)('response cache (%s)', (driver) => {
  let testDb: TestDb;
  let yoga: YogaServer;
  let feed: ReturnType<typeof observedChanges>;

  /** A server with the cache on unless `tune` says otherwise, listening through its own feed. */
  async function serverWith(tune: (o: ServerOptions) => void = () => {}, own = observedChanges(testDb)) {
    const options = testServerOptions((o) => {
      o.responseCache.enabled = true;
      tune(o);
    });
    const up = own.next('up');
    const server = createYogaServer({
      db: testDb.db,
      gazetteer: await loadGazetteer(),
      options,
      changes: own.changes,
    });
    if (options.responseCache.enabled) await up;
    return server;
  }
  /** Runs a request and returns its body with the number of SQL statements it sent. */
  async function counted(server: YogaServer, payload: unknown, headers: Record<string, string> = {}) {
    testDb.resetStatements();
    const response = await postGraphQL(server, payload, headers);
    return { ...response, statements: testDb.statements.length };
  }
  const titles = async () => counted(yoga, { query: TITLES });

  beforeAll(async () => {
    testDb = await createTestDb(driver);
    feed = observedChanges(testDb);
    yoga = await serverWith(undefined, feed);
    expect(
      (await postGraphQL(yoga, { query: IMPORT, variables: { input: demoImportInput() } }, admin)).body
        .errors,
    ).toBeUndefined();
  });
  afterAll(() => testDb.close());

  it('answers a repeated query from memory, with no SQL', async () => {
    const first = await titles();
    expect(first.statements).toBeGreaterThan(0);
    const second = await titles();
    expect(second.statements).toBe(0);
    expect(second.body).toEqual(first.body);
  });

  // Answered by the compiled path (graphql/compiled-reads/), which the cache must wrap too.
  it.each([
    ['a page of articles', '{ articles(first: 5) { edges { node { title } } } }'],
    [
      'the central question',
      '{ location(name: "Raqqa") { sources(includeContained: true) { edges { claimCount } } } }',
    ],
  ])('keeps compiled answers too: %s', async (_name, query) => {
    // The cache's executor must run (it tracks the entities of what it keeps); it warns when a
    // plugin replaced it instead of wrapping it.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = await counted(yoga, { query });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(first.statements).toBe(1);
    const second = await counted(yoga, { query });
    expect(second.statements).toBe(0);
    expect(second.body).toEqual(first.body);
  });

  it('a mutation clears it before it answers', async () => {
    await titles();
    const input = {
      ...demoImportInput(),
      url: 'https://demo.news-graph.example/second',
      title: 'Second page',
    };
    expect(
      (await postGraphQL(yoga, { query: IMPORT, variables: { input } }, admin)).body.errors,
    ).toBeUndefined();
    const after = await titles();
    expect(after.statements).toBeGreaterThan(0);
    expect(after.text).toContain('Second page');
  });

  it("this server's own mutations are seen at once, before their notification arrives", async () => {
    // A feed that comes up and then stays silent: only the server's own clearing can help.
    const deaf = await serverWith(undefined, {
      changes: async (listener: ChannelListener) => (listener.up(), async () => {}),
      next: async () => {},
    });
    const before = await counted(deaf, { query: TITLES });
    expect((await counted(deaf, { query: TITLES })).statements).toBe(0);
    const input = { ...demoImportInput(), url: 'https://demo.news-graph.example/third', title: 'Third page' };
    expect(
      (await postGraphQL(deaf, { query: IMPORT, variables: { input } }, admin)).body.errors,
    ).toBeUndefined();
    const after = await counted(deaf, { query: TITLES });
    expect(after.statements).toBeGreaterThan(0);
    expect(after.body).not.toEqual(before.body);
  });

  it('a write committed by another client (another process) clears it', async () => {
    await titles();
    expect((await titles()).statements).toBe(0);
    const notified = feed.next('notify');
    if (testDb.url) {
      const other = postgres(testDb.url, { max: 1, onnotice: () => {} });
      await other`update articles set title = 'Retitled elsewhere' where url like '%second'`;
      await other.end();
    } else {
      // PGlite is one in-process database: a write that bypasses the server stands for the CLI.
      await executeRows(
        testDb.db,
        sql`update articles set title = 'Retitled elsewhere' where url like '%second'`,
      );
    }
    await notified;
    const after = await titles();
    expect(after.statements).toBeGreaterThan(0);
    expect(after.text).toContain('Retitled elsewhere');
  });

  it('never answers 304 Not Modified: a client copy may predate the last write', async () => {
    const first = await titles();
    // The plugin's ETag is the cache key (document and variables), not a hash of the answer.
    const key = await hashSHA256([TITLES, '', '{}', ''].join('|'));
    expect(first.headers.get('etag')).toBeNull();
    const input = {
      ...demoImportInput(),
      url: 'https://demo.news-graph.example/fourth',
      title: 'Fourth page',
    };
    expect(
      (await postGraphQL(yoga, { query: IMPORT, variables: { input } }, admin)).body.errors,
    ).toBeUndefined();
    await titles();
    const revalidated = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': key },
      body: JSON.stringify({ query: TITLES }),
    });
    expect(revalidated.status).toBe(200);
    expect(await revalidated.text()).toContain('Fourth page');
  });

  it('keeps nothing that has errors', async () => {
    const query = '{ articles(first: 1) { totalCount } node(id: "bogus") { id } }';
    for (let i = 0; i < 2; i++) {
      const response = await counted(yoga, { query });
      expect(response.body.errors).toHaveLength(1);
      expect(response.statements).toBeGreaterThan(0);
    }
  });

  it('is off with RESPONSE_CACHE=off', async () => {
    expect(serverOptionsFromEnv(loadEnv({ RESPONSE_CACHE: 'off' })).responseCache.enabled).toBe(false);
    expect(serverOptionsFromEnv(loadEnv({})).responseCache.enabled).toBe(true);
    const off = await serverWith((o) => (o.responseCache.enabled = false));
    for (let i = 0; i < 2; i++) expect((await counted(off, { query: TITLES })).statements).toBeGreaterThan(0);
  });

  it('lets authenticated requests through to auth every time: valid tokens execute, bad ones are refused', async () => {
    await titles();
    expect((await titles()).statements).toBe(0);
    const withToken = await counted(yoga, { query: TITLES }, admin);
    expect(withToken.statements).toBeGreaterThan(0);
    const refused = await counted(yoga, { query: TITLES }, { authorization: 'Bearer ng_not-a-real-token' });
    expect(refused.status).toBe(401);
    expect(errorCodes(refused)).toEqual(['UNAUTHENTICATED']);
    // A mutation refused for want of a token wrote nothing and does not empty the cache.
    const anonymous = await postGraphQL(yoga, { query: IMPORT, variables: { input: demoImportInput() } });
    expect(anonymous.status).toBe(401);
    expect((await titles()).statements).toBe(0);
  });

  it('caches nothing when reads require a token', async () => {
    const locked = await serverWith((o) => (o.auth.readsRequireToken = true));
    for (let i = 0; i < 2; i++) {
      expect((await counted(locked, { query: TITLES })).status).toBe(401);
      expect((await counted(locked, { query: TITLES }, admin)).statements).toBeGreaterThan(0);
    }
  });

  it('in persisted-only mode, serves allow-listed documents from cache and still refuses others', async () => {
    const persisted = await serverWith((o) => (o.persistedOnly = true));
    const payload = {
      documentId: persistedOperationId(CentralQuestionDocument),
      variables: { name: 'Raqqa' },
    };
    const first = await counted(persisted, payload);
    expect(first.body.errors).toBeUndefined();
    const second = await counted(persisted, payload);
    expect(second.statements).toBe(0);
    expect(second.body).toEqual(first.body);
    // Another document with the same variables is another entry, not the first one's answer.
    const other = { ...payload, documentId: persistedOperationId(LocationByNameDocument) };
    expect((await counted(persisted, other)).statements).toBeGreaterThan(0);
    const arbitrary = await counted(persisted, { query: TITLES });
    expect(arbitrary.body.data).toBeUndefined();
    expect(arbitrary.text).toMatch(/persisted/i);
  });
});

describe.runIf(drivers.includes('postgres'))('response cache when the change feed drops (postgres)', () => {
  let testDb: TestDb;
  afterAll(() => testDb?.close());

  it('stops caching while the listening connection is gone and resumes, cleared, once it is back', async () => {
    testDb = await createTestDb('postgres');
    const feed = observedChanges(testDb);
    const up = feed.next('up');
    const options = testServerOptions((o) => (o.responseCache.enabled = true));
    const yoga = createYogaServer({
      db: testDb.db,
      gazetteer: await loadGazetteer(),
      options,
      changes: feed.changes,
    });
    await up;
    const count = async () => {
      testDb.resetStatements();
      await postGraphQL(yoga, { query: TITLES });
      return testDb.statements.length;
    };
    await count();
    expect(await count()).toBe(0);
    const down = feed.next('down');
    const back = feed.next('up');
    await executeRows(
      testDb.db,
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
    );
    await down;
    expect(await count()).toBeGreaterThan(0);
    expect(await count()).toBeGreaterThan(0);
    await back;
    expect(await count()).toBeGreaterThan(0);
    expect(await count()).toBe(0);
  });
});

describe('response cache and writes during a query (no database)', () => {
  let gate: () => void = () => {};
  let entered: () => void = () => {};
  let executions = 0;
  const schema = createSchema({
    typeDefs: 'type Query { value: Int! }',
    resolvers: {
      Query: {
        value: async () => {
          executions++;
          entered();
          await new Promise<void>((resolve) => {
            gate = resolve;
          });
          return executions;
        },
      },
    },
  });

  async function setup(settleMs = 0) {
    let listener: ChannelListener | undefined;
    const options = { enabled: true, ttlMs: 60_000, maxEntries: 10, maxBytes: 1 << 20, settleMs };
    const changes = async (l: ChannelListener) => {
      listener = l;
      l.up();
      return async () => {};
    };
    const log = pino({ level: 'silent' });
    const yoga = createYoga({
      schema,
      plugins: [useResponseCache({ ...options, readsRequireToken: false }, changes, log)],
    });
    await Promise.resolve();
    /** Runs the query; `during` runs while its resolver is waiting. */
    const query = async (during: () => void = () => {}) => {
      const inResolver = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const before = executions;
      const response = Promise.resolve(
        yoga.fetch('http://yoga/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ value }' }),
        }),
      );
      // A cached answer never reaches the resolver.
      const hit = await Promise.race([response.then(() => true), inResolver.then(() => false)]);
      if (!hit) {
        during();
        gate();
      }
      await response;
      return executions > before ? 'executed' : 'cached';
    };
    return { query, notify: () => listener?.notify('') };
  }

  it('keeps a result computed with no write in between', async () => {
    const { query } = await setup();
    expect(await query()).toBe('executed');
    expect(await query()).toBe('cached');
  });

  it('does not keep a result whose query overlapped a committed write', async () => {
    const { query, notify } = await setup();
    expect(await query(notify)).toBe('executed');
    expect(await query()).toBe('executed');
    expect(await query()).toBe('cached');
  });

  it('with a settle time (read replica), does not keep results computed just after a write', async () => {
    const { query, notify } = await setup(60_000);
    notify();
    expect(await query()).toBe('executed');
    expect(await query()).toBe('executed');
  });
});
