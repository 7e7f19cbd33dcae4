import { loadEnv } from '../config/env.js';
import type { Database } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import { guardAgainstPostgresNullSocketWrites } from '../db/postgres-crash-guard.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import type { Gazetteer } from '../geo/types.js';

/** Opens the configured database and the gazetteer for one command, and closes them after. */
export async function withDatabase<T>(
  run: (deps: { db: Database; gazetteer: Gazetteer }) => Promise<T>,
): Promise<T> {
  const env = loadEnv();
  if (env.DATABASE_URL) guardAgainstPostgresNullSocketWrites();
  const [handle, gazetteer] = await Promise.all([openDatabase(env), loadGazetteer()]);
  try {
    return await run({ db: handle.db, gazetteer });
  } finally {
    await handle.close();
  }
}
