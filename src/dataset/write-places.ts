import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { locationAliases, locationAncestors, locations } from '../db/schema/index.js';
import { locationValues } from '../domain/article-graph.js';
import { placeAliasKey } from '../domain/names.js';
import type { Place } from '../geo/types.js';
import { chunked } from './chunks.js';
import type { GeneratedPlace } from './generate.js';

/**
 * Writes the places with their containment chains, closure rows and aliases, the way
 * `saveArticleGraph` (src/domain/article-graph.ts) does for one article, but for the whole pool
 * at once: that function is per article (≥ 8 statements each), too slow for 100k+ articles, and
 * its place helpers are private. Returns gazetteer key -> location id.
 */
export async function writePlaces(tx: Queryable, pool: GeneratedPlace[]): Promise<Map<string, number>> {
  const all = new Map<string, { place: Place; chain: Place[] }>();
  for (const { place, ancestors } of pool) {
    all.set(place.key, { place, chain: ancestors });
    ancestors.forEach((a, k) => {
      if (!all.has(a.key)) all.set(a.key, { place: a, chain: ancestors.slice(k + 1) });
    });
  }
  const ids = new Map<string, number>();
  const byDepth = [...all.values()].sort((a, b) => a.chain.length - b.chain.length);
  // Countries first, then regions, then cities, so every parent id exists before its child.
  for (const depth of new Set(byDepth.map((p) => p.chain.length))) {
    const level = byDepth.filter((p) => p.chain.length === depth).map((p) => p.place);
    for (const batch of chunked(level, 11)) {
      const rows = await tx
        .insert(locations)
        .values(batch.map((p) => locationValues(p, ids)))
        .onConflictDoUpdate({ target: locations.gazetteerKey, set: { name: sql`excluded.name` } })
        .returning({ id: locations.id, key: locations.gazetteerKey });
      for (const row of rows) ids.set(row.key as string, row.id);
    }
  }
  await writeClosureAndAliases(tx, all, ids);
  return ids;
}

async function writeClosureAndAliases(
  tx: Queryable,
  all: Map<string, { place: Place; chain: Place[] }>,
  ids: Map<string, number>,
): Promise<void> {
  const closure: { locationId: number; ancestorId: number; depth: number }[] = [];
  const aliases = new Map<string, { locationId: number; alias: string; aliasKey: string }>();
  for (const [key, { place, chain }] of all) {
    const id = ids.get(key) as number;
    closure.push({ locationId: id, ancestorId: id, depth: 0 });
    chain.forEach((a, k) =>
      closure.push({ locationId: id, ancestorId: ids.get(a.key) as number, depth: k + 1 }),
    );
    // First spelling wins, so the place's own name is the alias stored for its key. Mentions
    // are only ever written as the name or an alternate name, so these cover every spelling.
    for (const alias of [place.name, ...place.alternateNames]) {
      const aliasKey = placeAliasKey(alias);
      if (aliasKey && !aliases.has(`${id}:${aliasKey}`))
        aliases.set(`${id}:${aliasKey}`, { locationId: id, alias, aliasKey });
    }
  }
  for (const batch of chunked(closure, 3))
    await tx.insert(locationAncestors).values(batch).onConflictDoNothing();
  for (const batch of chunked([...aliases.values()], 3))
    await tx.insert(locationAliases).values(batch).onConflictDoNothing();
}
