import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import {
  articles,
  claimLocations,
  claims,
  relatedLinks,
  sourceAliases,
  sources,
} from '../db/schema/index.js';
import { countClaims } from '../domain/location-speaker-counts.js';
import { nameKey } from '../domain/names.js';
import { chunked } from './chunks.js';
import type { Dataset, GeneratedArticle, GeneratedSource } from './generate.js';
import { writePlaces } from './write-places.js';

export interface WriteOptions {
  /** Articles per transaction (one multi-row INSERT per table per transaction). */
  articlesPerBatch?: number;
  onProgress?: (claimsWritten: number) => void;
}

export interface WriteStats {
  articles: number;
  claims: number;
  sources: number;
  locations: number;
  ms: number;
}

interface Ids {
  places: Map<string, number>;
  sources: number[];
  articleBase: number;
  claimBase: number;
}

/**
 * Writes a generated dataset through the Drizzle tables: places and sources first (upserted, so
 * a database that already has the demo keeps working), then articles with their claims, place
 * links and related links in batches, each batch one transaction of multi-row INSERTs. Article
 * and claim ids are assigned here (after the current maximum) so a batch needs no RETURNING
 * round trip; the identity sequences are moved past them at the end.
 */
export async function writeDataset(
  db: Database,
  dataset: Dataset,
  options: WriteOptions = {},
): Promise<WriteStats> {
  const started = performance.now();
  const perBatch = options.articlesPerBatch ?? 2_000;
  const ids = await db.transaction(async (tx) => ({
    places: await writePlaces(tx, dataset.places),
    sources: await writeSources(tx, dataset.sources),
    ...(await idBases(tx)),
  }));
  const stats = { articles: 0, claims: 0, sources: ids.sources.length, locations: ids.places.size, ms: 0 };
  let batch: GeneratedArticle[] = [];
  const flush = async () => {
    const articleIds = sql.param(batch.map((a) => ids.articleBase + a.index + 1));
    await db.transaction(async (tx) => {
      await writeArticles(tx, batch, ids);
      await countClaims(tx, sql`c.article_id = any(${articleIds}::int[])`);
    });
    stats.articles += batch.length;
    stats.claims += batch.reduce((n, a) => n + a.claims.length, 0);
    options.onProgress?.(stats.claims);
    batch = [];
  };
  for (const article of dataset.articles()) {
    batch.push(article);
    if (batch.length >= perBatch) await flush();
  }
  if (batch.length > 0) await flush();
  await db.execute(
    sql`select setval(pg_get_serial_sequence('articles', 'id'), (select max(id) from articles))`,
  );
  await db.execute(sql`select setval(pg_get_serial_sequence('claims', 'id'), (select max(id) from claims))`);
  await db.execute(sql`analyze`);
  stats.ms = Math.round(performance.now() - started);
  return stats;
}

async function idBases(tx: Queryable) {
  const [row] = await executeRows<{ a: number; c: number }>(
    tx,
    sql`select (select coalesce(max(id), 0) from articles)::int as a, (select coalesce(max(id), 0) from claims)::int as c`,
  );
  return { articleBase: row.a, claimBase: row.c };
}

/** Upserts the sources (by key) and their aliases; returns source index -> id. */
async function writeSources(tx: Queryable, pool: GeneratedSource[]): Promise<number[]> {
  const idByKey = new Map<string, number>();
  for (const batch of chunked(pool, 5)) {
    const rows = await tx
      .insert(sources)
      .values(batch.map((s) => ({ key: s.key, name: s.name, kind: s.kind, affiliation: s.affiliation })))
      .onConflictDoUpdate({ target: sources.key, set: { name: sql`excluded.name` } })
      .returning({ id: sources.id, key: sources.key });
    for (const row of rows) idByKey.set(row.key, row.id);
  }
  const ids = pool.map((s) => idByKey.get(s.key) as number);
  const aliases = new Map<string, { sourceId: number; alias: string; aliasKey: string }>();
  pool.forEach((s, i) => {
    for (const alias of [s.name, ...s.aliases]) {
      const aliasKey = nameKey(alias);
      if (aliasKey && !aliases.has(`${ids[i]}:${aliasKey}`))
        aliases.set(`${ids[i]}:${aliasKey}`, { sourceId: ids[i], alias, aliasKey });
    }
  });
  for (const batch of chunked([...aliases.values()], 3))
    await tx.insert(sourceAliases).values(batch).onConflictDoNothing();
  return ids;
}

async function writeArticles(tx: Queryable, batch: GeneratedArticle[], ids: Ids): Promise<void> {
  const rows = toRows(batch, ids);
  for (const part of chunked(rows.articles, 8))
    await tx.insert(articles).overridingSystemValue().values(part);
  for (const part of chunked(rows.claims, 12)) await tx.insert(claims).overridingSystemValue().values(part);
  for (const part of chunked(rows.links, 6)) await tx.insert(claimLocations).values(part);
  for (const part of chunked(rows.related, 5)) await tx.insert(relatedLinks).values(part);
}

function toRows(batch: GeneratedArticle[], ids: Ids) {
  const out = {
    // $inferInsert omits generated-always ids; these rows go through overridingSystemValue().
    articles: [] as (typeof articles.$inferInsert & { id: number })[],
    claims: [] as (typeof claims.$inferInsert & { id: number })[],
    links: [] as (typeof claimLocations.$inferInsert)[],
    related: [] as (typeof relatedLinks.$inferInsert)[],
  };
  for (const a of batch) {
    const articleId = ids.articleBase + a.index + 1;
    out.articles.push({
      id: articleId,
      url: a.url,
      title: a.title,
      body: a.body,
      publishedAt: a.publishedAt,
      outlet: a.outlet,
      contentHash: createHash('sha256').update(a.body).digest('hex'),
    });
    a.claims.forEach((c, position) => {
      // Claims are numbered in dataset order, so each id is known without asking the database.
      const id = ids.claimBase + a.firstClaim + position + 1;
      out.claims.push({
        id,
        articleId,
        sourceId: c.sourceIndex == null ? null : ids.sources[c.sourceIndex],
        speakerText: c.speakerText,
        text: c.text,
        quote: c.quote,
        zone: 'BODY',
        startOffset: c.start,
        endOffset: c.end,
        claimedAt: c.claimedAt,
        position,
      });
      for (const m of c.mentions) {
        out.links.push({
          claimId: id,
          locationId: ids.places.get(m.placeKey) as number,
          mention: m.asWritten,
          startOffset: m.start,
          endOffset: m.end,
        });
      }
    });
    a.relatedLinks.forEach((l, position) =>
      out.related.push({
        articleId,
        title: l.title,
        url: l.url,
        targetArticleId: ids.articleBase + l.targetIndex + 1,
        position,
      }),
    );
  }
  return out;
}
