import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Logger } from 'drizzle-orm';
import type { PgAsyncDatabase, PgAsyncTransaction } from 'drizzle-orm/pg-core';
import type { PgQueryResultHKT } from 'drizzle-orm/pg-core/session';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type ChannelListener, listenPglite, listenPostgres, type Unlisten } from './listen.js';
import { relations } from './relations.js';
import { type QueryTimer, timeQueries } from './timing.js';

type Relations = typeof relations;

/** The one database type the rest of the code sees, whichever driver is underneath. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, Relations>;
export type Transaction = PgAsyncTransaction<PgQueryResultHKT, Relations>;
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** LISTEN on a channel (see db/listen.ts); close() stops every listener too. */
  listen(channel: string, listener: ChannelListener): Promise<Unlisten>;
  close(): Promise<void>;
}

/** Keeps the listeners a handle opened so closing the handle stops them. */
function listeners() {
  const open = new Set<Unlisten>();
  return {
    async add(start: Promise<Unlisten>): Promise<Unlisten> {
      const stop = await start;
      const once = async () => {
        if (open.delete(once)) await stop();
      };
      open.add(once);
      return once;
    },
    closeAll: () => Promise.all([...open].map((stop) => stop())),
  };
}

export interface ClientOptions {
  /** Called for every SQL statement Drizzle sends; tests count statements with it. */
  onQuery?: (sql: string, params: unknown[]) => void;
  /** Called when each statement finishes, with its duration (slow-query logging). */
  onQueryDone?: QueryTimer;
}

function logger(options: ClientOptions): Logger | undefined {
  const onQuery = options.onQuery;
  return onQuery ? { logQuery: (query, params) => onQuery(query, params) } : undefined;
}

export const DEFAULT_PGLITE_SHARED_BUFFERS = '32MB';

/**
 * Opens PGlite, in process. `dataDir` undefined keeps the database in memory (tests).
 */
export async function createPgliteDb(
  dataDir?: string,
  options: ClientOptions & { sharedBuffers?: string } = {},
): Promise<DatabaseHandle> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    // pg_trgm backs the fuzzy name lookups; the migration creates the extension.
    extensions: { pg_trgm },
    // PGlite's default buffer cache costs ~120 MB of resident memory more than an embedded,
    // single-user database needs (measured: 358 MB vs 268 MB at 32MB).
    postgresqlconf: [`shared_buffers=${options.sharedBuffers ?? DEFAULT_PGLITE_SHARED_BUFFERS}`],
  });
  const timed = options.onQueryDone ? timeQueries(client, 'pglite', options.onQueryDone) : client;
  const db = drizzlePglite({ client: timed, relations, logger: logger(options) });
  const open = listeners();
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    listen: (channel, listener) => open.add(listenPglite(client, channel, listener)),
    close: async () => {
      await open.closeAll();
      await client.close();
    },
  };
}

export interface PostgresOptions extends ClientOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Seconds to wait for a new connection before the query fails (postgres.js connect_timeout). */
  connectTimeoutS?: number;
  /** Seconds before an unused connection is closed. */
  idleTimeoutS?: number;
  /** Schema to put first on the search_path (tests isolate files this way). */
  searchPath?: string;
  /** A direct (or session-pooled) URL for LISTEN when `url` goes through a transaction pool. */
  listenUrl?: string;
}

/** Connects to PostgreSQL through postgres.js with a bounded pool. */
export function createPostgresDb(url: string, options: PostgresOptions = {}): DatabaseHandle {
  // No JIT: every query here is short, and a cost estimate that overshoots (a lateral per
  // candidate row) made PostgreSQL spend ~350 ms compiling a 4 ms query.
  const connection: Record<string, string> = { jit: 'off' };
  if (options.statementTimeoutMs) connection.statement_timeout = String(options.statementTimeoutMs);
  if (options.searchPath) connection.search_path = options.searchPath;
  const client = postgres(url, {
    max: options.poolSize ?? 10,
    connect_timeout: options.connectTimeoutS ?? 10,
    idle_timeout: options.idleTimeoutS ?? 30,
    connection,
    onnotice: () => {},
  });
  const timed = options.onQueryDone ? timeQueries(client, 'postgres', options.onQueryDone) : client;
  const db = drizzlePostgres({ client: timed, relations, logger: logger(options) });
  const open = listeners();
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    listen: (channel, listener) =>
      open.add(
        listenPostgres(options.listenUrl ?? url, channel, listener, {
          connectTimeoutS: options.connectTimeoutS,
        }),
      ),
    close: async () => {
      await open.closeAll();
      await client.end({ timeout: 5 });
    },
  };
}
