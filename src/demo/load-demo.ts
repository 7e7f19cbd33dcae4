import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/client.js';
import { articles } from '../db/schema/index.js';
import type { Gazetteer } from '../geo/types.js';
import { ingestPage } from '../ingest/persist.js';

// Resolved from the project root, so the compiled server (dist/demo/) finds the pages in src/ too.
export const demoPagesDir = fileURLToPath(new URL('../../src/demo/pages/', import.meta.url));

/** Demo pages live at made-up URLs under a reserved example domain. */
export function demoUrl(file: string): string {
  return `https://demo.news-graph.example/${basename(file, '.txt')}`;
}

/**
 * Loads the demo pages (our own rewrite of the seed page) through the extraction pipeline when
 * the database has no articles, so a fresh clone answers in GraphiQL at once. Returns how many
 * pages were loaded.
 */
export async function loadDemoIfEmpty(db: Database, gazetteer: Gazetteer): Promise<number> {
  if ((await db.$count(articles)) > 0) return 0;
  const files = readdirSync(demoPagesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files) {
    await ingestPage(db, gazetteer, {
      url: demoUrl(file),
      text: readFileSync(join(demoPagesDir, file), 'utf8'),
    });
  }
  return files.length;
}
