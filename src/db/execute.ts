import type { SQL } from 'drizzle-orm';
import type { Queryable } from './client.js';

/**
 * Runs raw SQL and returns its rows; postgres.js returns an array, PGlite an object with
 * `rows`. Used for the aggregate queries the relational builder cannot express.
 */
export async function executeRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
