import { mkdirSync } from 'node:fs';
import type { Env } from '../config/env.js';
import { type ClientOptions, createPgliteDb, createPostgresDb, type DatabaseHandle } from './client.js';
import { migrateDatabase } from './migrate.js';

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in
 * PGLITE_DATA_DIR) and applies pending migrations.
 */
export async function openDatabase(env: Env, options: ClientOptions = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (env.DATABASE_URL) {
    handle = createPostgresDb(env.DATABASE_URL, {
      ...options,
      poolSize: env.DB_POOL_SIZE,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      connectTimeoutS: env.DB_CONNECT_TIMEOUT_S,
      idleTimeoutS: env.DB_IDLE_TIMEOUT_S,
      listenUrl: env.DATABASE_LISTEN_URL,
    });
  } else {
    mkdirSync(env.PGLITE_DATA_DIR, { recursive: true });
    handle = await createPgliteDb(env.PGLITE_DATA_DIR, {
      ...options,
      sharedBuffers: env.PGLITE_SHARED_BUFFERS,
    });
  }
  await migrateDatabase(handle);
  return handle;
}

/**
 * Opens the read replica named by DATABASE_READ_URL, or returns null. It is not migrated: a
 * replica receives the primary's schema through replication.
 */
export function openReadReplica(env: Env, options: ClientOptions = {}): DatabaseHandle | null {
  if (!env.DATABASE_READ_URL) return null;
  if (!env.DATABASE_URL) throw new Error('DATABASE_READ_URL needs DATABASE_URL (the primary) too');
  return createPostgresDb(env.DATABASE_READ_URL, {
    ...options,
    poolSize: env.DB_POOL_SIZE,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutS: env.DB_CONNECT_TIMEOUT_S,
    idleTimeoutS: env.DB_IDLE_TIMEOUT_S,
  });
}
