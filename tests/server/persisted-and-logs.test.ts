import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralQuestionDocument } from '../../src/client/gql/graphql.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { slowQueryLogger } from '../../src/server/logger.js';
import { persistedOperationId } from '../../src/server/plugins/use-persisted-only.js';
import { createYogaServer } from '../../src/server/yoga.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';
import { errorCodes, postGraphQL } from '../helpers/http.js';
import { testServerOptions } from '../helpers/server.js';

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

describe.each(drivers)('persisted operations, request logs and slow queries (%s)', (driver) => {
  let testDb: TestDb;
  const timings: { sql: string; ms: number; failed: boolean }[] = [];
  beforeAll(async () => {
    testDb = await createTestDb(driver, {
      onQueryDone: (q, ms, failed) => timings.push({ sql: q, ms, failed }),
    });
  });
  afterAll(() => testDb.close());

  it('persisted-only mode runs allow-listed codegen documents by hash and refuses anything else', async () => {
    const options = testServerOptions((o) => (o.persistedOnly = true));
    const yoga = createYogaServer({ db: testDb.db, gazetteer: await loadGazetteer(), options });
    const id = persistedOperationId(CentralQuestionDocument);
    const known = await postGraphQL(yoga, { documentId: id, variables: { name: 'Raqa' } });
    expect(known.body).toEqual({ data: { location: null } });
    const apq = await postGraphQL(yoga, {
      variables: { name: 'Raqa' },
      extensions: { persistedQuery: { version: 1, sha256Hash: id } },
    });
    expect(apq.body).toEqual({ data: { location: null } });
    const arbitrary = await postGraphQL(yoga, { query: '{ articles(first: 1) { totalCount } }' });
    expect(arbitrary.body.data).toBeUndefined();
    expect(arbitrary.text).toMatch(/persisted/i);
    const unknown = await postGraphQL(yoga, { documentId: 'f'.repeat(64) });
    expect(unknown.body.data).toBeUndefined();
    expect(unknown.text).toMatch(/PersistedQueryNotFound/);
  });

  it('logs each request with its id, echoes x-request-id, and logs unexpected errors under it', async () => {
    const { log, lines } = captureLogs();
    const yoga = createYogaServer({
      db: testDb.db,
      gazetteer: await loadGazetteer(),
      options: testServerOptions(),
      logger: log,
    });
    const ok = await postGraphQL(
      yoga,
      { query: '{ articles(first: 1) { totalCount } }' },
      { 'x-request-id': 'abc-123' },
    );
    expect(ok.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await postGraphQL(yoga, { query: '{ __typename }' });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((l) => l.msg === 'request').map((l) => [l.reqId, l.status])).toEqual([
      ['abc-123', 200],
      [fresh.headers.get('x-request-id'), 200],
    ]);
    await testDb.db.execute(sql`alter table articles rename to articles_hidden`);
    try {
      const broken = await postGraphQL(
        yoga,
        { query: '{ articles(first: 1) { totalCount } }' },
        { 'x-request-id': 'broken-1' },
      );
      expect(errorCodes(broken)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await testDb.db.execute(sql`alter table articles_hidden rename to articles`);
    }
    const logged = lines.find((l) => l.msg === 'unexpected error');
    expect(logged?.reqId).toBe('broken-1');
    expect(JSON.stringify(logged?.err)).toMatch(/articles/);
  });

  it('times every statement, inside transactions too, and logs the slow ones', async () => {
    timings.length = 0;
    await testDb.db.execute(sql`select 1`);
    await testDb.db.transaction(async (tx) => {
      await tx.execute(sql`select 2`);
    });
    expect(timings.some((t) => t.sql === 'select 1' && t.ms >= 0 && !t.failed)).toBe(true);
    expect(timings.some((t) => t.sql === 'select 2')).toBe(true);
    await testDb.db.execute(sql`select nope`).catch(() => {});
    expect(timings.at(-1)).toMatchObject({ sql: 'select nope', failed: true });

    const { log, lines } = captureLogs();
    const onDone = slowQueryLogger(log, 50);
    onDone('select fast', 3, false);
    onDone('select slow', 120.4, false);
    expect(lines.map((l) => [l.msg, l.sql, l.ms])).toEqual([['slow query', 'select slow', 120]]);
  });
});
