import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDb } from '../../src/db/client.js';
import { executeRows } from '../../src/db/execute.js';
import { GRAPH_CHANGED_CHANNEL } from '../../src/db/listen.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';

describe.each(drivers)('graph change notifications (%s)', (driver) => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb(driver);
  });
  afterAll(() => testDb.close());

  it('every table but api_tokens notifies on write (add the trigger when you add a table)', async () => {
    const rows = await executeRows<{ table: string; notifies: boolean }>(
      testDb.db,
      sql`select c.relname as "table", exists (
            select 1 from pg_trigger t
            where t.tgrelid = c.oid and t.tgfoid = 'news_graph_notify_change'::regproc
          ) as notifies
          from pg_class c
          where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
          order by 1`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const { table, notifies } of rows)
      expect({ table, notifies }).toEqual({ table, notifies: table !== 'api_tokens' });
  });

  it('notifies once per transaction, on commit only, and after any write statement', async () => {
    let heard = 0;
    let marked: () => void = () => {};
    const unlisten = await testDb.listen(GRAPH_CHANGED_CHANNEL, {
      up() {},
      down() {},
      notify: (payload) => (payload === 'marker' ? marked() : heard++),
    });
    /** Notifications arrive in commit order: once a later marker is heard, so were the others. */
    const settled = async () => {
      const marker = new Promise<void>((resolve) => {
        marked = resolve;
      });
      await executeRows(testDb.db, sql`select pg_notify(${GRAPH_CHANGED_CHANNEL}, 'marker')`);
      await marker;
    };
    // Statement-level triggers fire even when no row matches.
    await testDb.db.transaction(async (tx) => {
      await executeRows(tx, sql`update sources set name = name where false`);
      await executeRows(tx, sql`delete from claims where false`);
    });
    await settled();
    expect(heard).toBe(1);
    await testDb.db
      .transaction(async (tx) => {
        await executeRows(tx, sql`update articles set title = title where false`);
        throw new Error('roll back');
      })
      .catch(() => {});
    await settled();
    expect(heard).toBe(1);
    await executeRows(testDb.db, sql`update api_tokens set name = name where false`);
    await settled();
    expect(heard).toBe(1);
    await executeRows(testDb.db, sql`delete from location_ancestors where false`);
    await settled();
    expect(heard).toBe(2);
    await unlisten();
  });
});

describe.runIf(drivers.includes('postgres'))('LISTEN through DATABASE_LISTEN_URL (postgres)', () => {
  it('listens where listenUrl points, not on the query pool', async () => {
    const testDb = await createTestDb('postgres');
    const elsewhere = process.env.TEST_DATABASE_URL as string;
    const handle = createPostgresDb(testDb.url as string, { listenUrl: elsewhere });
    const other = postgres(elsewhere, { max: 1, onnotice: () => {} });
    try {
      const heard = new Promise<string>((resolve) => {
        handle.listen(GRAPH_CHANGED_CHANNEL, { up() {}, down() {}, notify: resolve }).then(async () => {
          await other`select pg_notify(${GRAPH_CHANGED_CHANNEL}, 'from the listen database')`;
        });
      });
      expect(await heard).toBe('from the listen database');
    } finally {
      await other.end();
      await handle.close();
      await testDb.close();
    }
  });
});
