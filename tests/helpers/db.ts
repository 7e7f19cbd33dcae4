import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import {
  createPgliteDb,
  createPostgresDb,
  type Database,
  type DatabaseHandle,
  type PostgresOptions,
} from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';

export type Driver = 'pglite' | 'postgres';

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const drivers: Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: Database;
  driver: Driver;
  /** Every SQL statement sent since the last reset. */
  statements: string[];
  resetStatements(): void;
  /** LISTEN on the database (a connection of its own on PostgreSQL). */
  listen: DatabaseHandle['listen'];
  /** PostgreSQL only: the test database's URL, for a second client (another process's view). */
  url?: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
 * created from TEST_DATABASE_URL and dropped on close. `options` tune the client (timeouts,
 * query timing).
 */
export async function createTestDb(driver: Driver, options: PostgresOptions = {}): Promise<TestDb> {
  const statements: string[] = [];
  const onQuery = (sql: string) => statements.push(sql);
  if (driver === 'pglite') {
    const handle = await createPgliteDb(undefined, { ...options, onQuery });
    await migrateDatabase(handle);
    return wrap(handle, statements, () => handle.close());
  }
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `news_graph_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createPostgresDb(url.toString(), { poolSize: 4, ...options, onQuery });
  await migrateDatabase(handle);
  const testDb = wrap(handle, statements, async () => {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { ...testDb, url: url.toString() };
}

function wrap(handle: DatabaseHandle, statements: string[], close: () => Promise<void>): TestDb {
  statements.length = 0;
  return {
    db: handle.db,
    driver: handle.driver,
    listen: handle.listen,
    statements,
    resetStatements: () => {
      statements.length = 0;
    },
    close,
  };
}
