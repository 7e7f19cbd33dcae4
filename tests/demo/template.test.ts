import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDb, type Database } from '../../src/db/client.js';
import { executeRows } from '../../src/db/execute.js';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate.js';
import { demoPagesDir, loadDemoIfEmpty } from '../../src/demo/load-demo.js';
import {
  buildDemoTemplate,
  copyDemoTemplate,
  demoTemplateKey,
  demoTemplatePath,
} from '../../src/demo/template.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';

/** Every row of every table in public, minus the columns that record when a row was written. */
async function graphRows(db: Database): Promise<Record<string, unknown[]>> {
  const tables = await executeRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = await executeRows<{ row: string }>(
      db,
      sql`select (to_jsonb(t) - 'created_at' - 'updated_at')::text as row from ${sql.identifier(name)} t`,
    );
    out[name] = rows.map((r) => r.row).sort();
  }
  return out;
}

describe('the prebuilt demo database', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'news-graph-template-'));
  const cacheDir = join(scratch, 'cache');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  let templatePath: string;
  beforeAll(async () => {
    templatePath = await buildDemoTemplate({ cacheDir });
  }, 180_000);

  it('is a data directory named by the current key, the only template in its cache', () => {
    expect(templatePath).toBe(demoTemplatePath({ cacheDir }));
    expect(existsSync(join(templatePath, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([`pglite-demo-${demoTemplateKey()}`]);
  });

  it('holds, once copied and migrated, the same graph as the demo loaded through the pipeline', async () => {
    const dataDir = join(scratch, 'first-start');
    expect(copyDemoTemplate(dataDir, { cacheDir })).toBe(true);
    const copied = await createPgliteDb(dataDir);
    const loaded = await createPgliteDb();
    try {
      await migrateDatabase(copied);
      await migrateDatabase(loaded);
      expect(await loadDemoIfEmpty(loaded.db, await loadGazetteer())).toBe(1);
      // Already holds the demo: the server's loadDemoIfEmpty leaves it alone.
      expect(await loadDemoIfEmpty(copied.db, await loadGazetteer())).toBe(0);
      const [fromTemplate, fromPipeline] = [await graphRows(copied.db), await graphRows(loaded.db)];
      expect(fromTemplate.articles).toHaveLength(1);
      expect(fromTemplate.claims.length).toBeGreaterThan(0);
      expect(fromTemplate).toEqual(fromPipeline);
    } finally {
      await copied.close();
      await loaded.close();
    }
  });

  it('is not copied over a directory that holds files, nor when none matches the key', () => {
    const used = join(scratch, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'PG_VERSION'), '17\n');
    expect(copyDemoTemplate(used, { cacheDir })).toBe(false);
    expect(readdirSync(used)).toEqual(['PG_VERSION']);
    expect(copyDemoTemplate(join(scratch, 'elsewhere'), { cacheDir: join(scratch, 'empty-cache') })).toBe(
      false,
    );
    expect(existsSync(join(scratch, 'elsewhere'))).toBe(false);
  });

  it('changes key when a migration, a demo page or the code that writes them is added or edited', () => {
    const migrationsDir = join(scratch, 'drizzle');
    const pagesDir = join(scratch, 'pages');
    const codeDir = join(scratch, 'domain');
    cpSync(migrationsFolder, migrationsDir, { recursive: true });
    cpSync(demoPagesDir, pagesDir, { recursive: true });
    mkdirSync(codeDir);
    writeFileSync(join(codeDir, 'write.js'), 'export const kept = 1;');
    const key = () => demoTemplateKey({ migrationsDir, pagesDir, codeDirs: [codeDir] });
    const codeKey = key();
    writeFileSync(join(codeDir, 'write.js'), 'export const kept = 2;');
    expect(key()).not.toBe(codeKey);
    const keyOf = (options = {}) => demoTemplateKey({ migrationsDir, pagesDir, ...options });
    const original = keyOf();
    expect(original).toBe(demoTemplateKey());
    mkdirSync(join(migrationsDir, '29991231000000_later'));
    writeFileSync(join(migrationsDir, '29991231000000_later', 'migration.sql'), 'select 1;');
    const withMigration = keyOf();
    expect(withMigration).not.toBe(original);
    writeFileSync(join(pagesDir, 'another.txt'), 'Another page.');
    expect(keyOf()).not.toBe(withMigration);
    expect(copyDemoTemplate(join(scratch, 'stale'), { cacheDir, migrationsDir, pagesDir })).toBe(false);
  });
});
