import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { executeRows } from './execute.js';
import { migrationsFolder } from './migrate.js';

/** The migration folders drizzle-kit wrote into ./drizzle, oldest first. */
export function localMigrations(folder = migrationsFolder): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(join(folder, e.name)).includes('migration.sql'))
    .map((e) => e.name)
    .sort();
}

/**
 * Migrations in ./drizzle that the database has not recorded as applied (Drizzle keeps them in
 * drizzle.__drizzle_migrations). Throws when the database cannot be reached.
 */
export async function pendingMigrations(db: Database, folder = migrationsFolder): Promise<string[]> {
  await db.execute(sql`select 1`);
  const table = await executeRows<{ present: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as present`,
  );
  const local = localMigrations(folder);
  if (!table[0]?.present) return local;
  const applied = await executeRows<{ name: string | null }>(
    db,
    sql`select name from drizzle.__drizzle_migrations`,
  );
  const names = new Set(applied.map((r) => r.name));
  return local.filter((m) => !names.has(m));
}
