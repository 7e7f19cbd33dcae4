import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMigrations } from '../../src/db/readiness.js';
import { drivers } from '../helpers/db.js';
import { createTestServer, type TestServer } from '../helpers/server.js';

describe.each(drivers)('/health and /ready (%s)', (driver) => {
  let server: TestServer;
  const get = async (path: string) => {
    const response = await server.yoga.fetch(`http://yoga${path}`);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(() => server.close());

  it('/health answers without the database; /ready checks it and the migrations', async () => {
    expect(await get('/health')).toEqual({ status: 200, body: null });
    expect(await get('/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('/ready is 503 and names the migration the database lacks', async () => {
    const latest = localMigrations().at(-1) as string;
    await server.db.execute(
      sql`update drizzle.__drizzle_migrations set name = 'renamed' where name = ${latest}`,
    );
    try {
      expect(await get('/ready')).toEqual({
        status: 503,
        body: { status: 'migrations pending', pending: [latest] },
      });
    } finally {
      await server.db.execute(
        sql`update drizzle.__drizzle_migrations set name = ${latest} where name = 'renamed'`,
      );
    }
    expect((await get('/ready')).status).toBe(200);
  });

  it('/ready is 503 when the database is gone, /health still 200', async () => {
    await server.close();
    expect(await get('/ready')).toEqual({ status: 503, body: { status: 'database unreachable' } });
    expect((await get('/health')).status).toBe(200);
    server.close = async () => {};
  });
});
