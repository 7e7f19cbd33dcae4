import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DatabaseHandle } from './client.js';

/** The drizzle-kit output folder, resolved from this file so the cwd does not matter. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies every pending migration in ./drizzle; the same files for both drivers. */
export async function migrateDatabase(
  handle: DatabaseHandle,
  options: { migrationsSchema?: string } = {},
): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: options.migrationsSchema };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, config);
  }
}
