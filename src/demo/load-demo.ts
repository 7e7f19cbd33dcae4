import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/client.js';
import { articles } from '../db/schema/index.js';
import { saveArticleGraph } from '../domain/article-graph.js';
import { parseArticleInput } from '../domain/article-input.js';
import type { Gazetteer } from '../geo/types.js';

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/**
 * Loads the demo pages (our own rewrite of the seed page) when the database has no articles,
 * so a fresh clone answers in GraphiQL at once. Returns how many pages were loaded.
 */
export async function loadDemoIfEmpty(db: Database, gazetteer: Gazetteer): Promise<number> {
  if ((await db.$count(articles)) > 0) return 0;
  const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.import.json'));
  for (const file of files) {
    const raw = JSON.parse(readFileSync(fixturesDir + file, 'utf8'));
    await saveArticleGraph(db, parseArticleInput(raw), gazetteer);
  }
  return files.length;
}
