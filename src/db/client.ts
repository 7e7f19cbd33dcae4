import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import type { PgAsyncDatabase, PgAsyncTransaction } from 'drizzle-orm/pg-core';
import type { PgQueryResultHKT } from 'drizzle-orm/pg-core/session';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { relations } from './relations.js';

type Relations = typeof relations;

/** The one database type the rest of the code sees, whichever driver is underneath. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, Relations>;
export type Transaction = PgAsyncTransaction<PgQueryResultHKT, Relations>;
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface ClientOptions {
  /** Called for every SQL statement Drizzle sends; tests count statements with it. */
  onQuery?: (sql: string, params: unknown[]) => void;
}

function logger(options: ClientOptions): Logger | undefined {
  const onQuery = options.onQuery;
  return onQuery ? { logQuery: (query, params) => onQuery(query, params) } : undefined;
}

/**
 * Opens PGlite, in process. `dataDir` undefined keeps the database in memory (tests).
 */
export async function createPgliteDb(
  dataDir?: string,
  options: ClientOptions = {},
): Promise<DatabaseHandle> {
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const db = drizzlePglite({ client, relations, logger: logger(options) });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    close: () => client.close(),
  };
}

export interface PostgresOptions extends ClientOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Schema to put first on the search_path (tests isolate files this way). */
  searchPath?: string;
}

/** Connects to PostgreSQL through postgres.js with a bounded pool. */
export function createPostgresDb(url: string, options: PostgresOptions = {}): DatabaseHandle {
  const connection: Record<string, string> = {};
  if (options.statementTimeoutMs) connection.statement_timeout = String(options.statementTimeoutMs);
  if (options.searchPath) connection.search_path = options.searchPath;
  const client = postgres(url, {
    max: options.poolSize ?? 10,
    connection,
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, relations, logger: logger(options) });
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    close: () => client.end({ timeout: 5 }),
  };
}
