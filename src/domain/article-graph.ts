import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.js';
import {
  articles,
  claimLocations,
  claims,
  locationAliases,
  locationAncestors,
  locations,
  relatedLinks,
  sourceAliases,
  sources,
} from '../db/schema/index.js';
import type { Gazetteer, Place } from '../geo/types.js';
import type { ArticleDraft, ClaimDraft } from '../ingest/types.js';
import { countClaims, recountingClaims } from './location-speaker-counts.js';
import { nameKey, placeAliasKey, sourceKey } from './names.js';
import { type PlaceToWrite, placeForMention } from './place-chain.js';
import { canonicalBodyName, knownAliases } from './source-identity.js';

export type SaveStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface SaveResult {
  articleId: number;
  status: SaveStatus;
  claimCount: number;
  sourceCount: number;
  locationCount: number;
}

/** Stable hash of what an article was built from, for idempotent re-imports. */
export function contentHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The UNCHANGED result when the article at `url` was built from content with this hash, else null. */
export async function findUnchanged(db: Queryable, url: string, hash: string): Promise<SaveResult | null> {
  const [row] = await db
    .select({
      id: articles.id,
      claimCount: sql<number>`(select count(*)::int from claims c where c.article_id = "articles"."id")`,
    })
    .from(articles)
    .where(and(eq(articles.url, url), eq(articles.contentHash, hash)));
  return row
    ? { articleId: row.id, status: 'UNCHANGED', claimCount: row.claimCount, sourceCount: 0, locationCount: 0 }
    : null;
}

/**
 * Writes an article with its claims, speakers, places and related links in one transaction.
 * Idempotent by URL: the same content is a no-op; changed content replaces the article's claims
 * and links. Sources and places are shared across articles and only ever added to.
 */
export async function saveArticleGraph(
  db: Database,
  draft: ArticleDraft,
  gazetteer: Gazetteer,
  hash: string = contentHash(draft),
  options: { resolvePlaceNames?: boolean } = {},
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const written = await upsertArticle(tx, draft, hash);
    if (!written) return (await findUnchanged(tx, draft.url, hash)) as SaveResult;
    const { articleId, existed } = written;
    const placeIds = await upsertPlaces(tx, draft, gazetteer, options.resolvePlaceNames ?? true);
    const sourceIds = await upsertSources(tx, draft);
    const write = async () => {
      if (existed) {
        await tx.delete(claims).where(eq(claims.articleId, articleId));
        await tx.delete(relatedLinks).where(eq(relatedLinks.articleId, articleId));
      }
      await insertClaims(tx, articleId, draft, sourceIds, placeIds);
    };
    // A new article has nothing counted yet: only add its claims.
    if (existed) await recountingClaims(tx, sql`c.article_id = ${articleId}`, write);
    else {
      await write();
      await countClaims(tx, sql`c.article_id = ${articleId}`);
    }
    if (draft.relatedLinks.length > 0) {
      await tx.insert(relatedLinks).values(
        draft.relatedLinks.map((link, position) => ({
          articleId,
          title: link.title,
          url: link.url,
          position,
        })),
      );
    }
    return {
      articleId,
      status: existed ? 'UPDATED' : 'CREATED',
      claimCount: draft.claims.length,
      sourceCount: new Set(sourceIds.values()).size,
      locationCount: new Set(placeIds.mentionIds.values()).size,
    };
  });
}

/**
 * Inserts the article, or replaces it when its content changed: one statement that also locks
 * the row. Null when the stored article has the same content hash (nothing to do).
 */
async function upsertArticle(
  tx: Queryable,
  draft: ArticleDraft,
  hash: string,
): Promise<{ articleId: number; existed: boolean } | null> {
  const values = {
    url: draft.url,
    title: draft.title,
    body: draft.body,
    publishedAt: draft.publishedAt ? new Date(draft.publishedAt) : null,
    pageDate: draft.pageDate ? new Date(draft.pageDate) : null,
    outlet: draft.outlet,
    contentHash: hash,
  };
  const [row] = await tx
    .insert(articles)
    .values(values)
    .onConflictDoUpdate({
      target: articles.url,
      set: { ...values, updatedAt: sql`now()` },
      setWhere: sql`${articles.contentHash} <> excluded.content_hash`,
    })
    // xmax is 0 only for a row this statement inserted: an update means the URL was known.
    .returning({ id: articles.id, existed: sql<boolean>`xmax <> 0` });
  return row ? { articleId: row.id, existed: row.existed } : null;
}

interface PlaceIds {
  /** "claimIndex:mentionIndex" -> location id */
  mentionIds: Map<string, number>;
}

/**
 * Resolves every place mention of a draft and writes the places the graph lacks, with their
 * containment closure and spellings; returns "claimIndex:mentionIndex" -> location id. Countries
 * first, then regions, then the rest, so every parent id exists before its child. Curation reuses
 * it to resolve corrected place names exactly as an import would.
 */
export async function upsertPlaces(
  tx: Queryable,
  draft: ArticleDraft,
  gazetteer: Gazetteer,
  resolveNames: boolean,
): Promise<PlaceIds> {
  const countryHints = dominantCountries(draft, gazetteer);
  const chains = new Map<string, PlaceToWrite>();
  const mentionKeys = new Map<string, string>();
  const spellings = new Map<string, Set<string>>();
  draft.claims.forEach((claim, i) =>
    claim.places.forEach((mention, j) => {
      const chain = placeForMention(mention, gazetteer, countryHints, resolveNames);
      chains.set(chain.place.key, chain);
      mentionKeys.set(`${i}:${j}`, chain.place.key);
      const seen = spellings.get(chain.place.key) ?? new Set<string>();
      if (!mention.coref) seen.add(mention.asWritten);
      spellings.set(chain.place.key, seen);
    }),
  );
  const allPlaces = new Map<string, { place: Place; depth: number }>();
  for (const { place, ancestors } of chains.values()) {
    allPlaces.set(place.key, { place, depth: ancestors.length });
    ancestors.forEach((a, k) => allPlaces.set(a.key, { place: a, depth: ancestors.length - k - 1 }));
  }
  // Most places are already in the graph: look them up once and write only the new ones.
  const ids = new Map<string, number>();
  const existing = await tx
    .select({ id: locations.id, key: locations.gazetteerKey })
    .from(locations)
    .where(inArray(locations.gazetteerKey, [...allPlaces.keys()]));
  for (const row of existing) ids.set(row.key as string, row.id);
  const newPlaces = [...allPlaces.values()]
    .filter((p) => !ids.has(p.place.key))
    .sort((a, b) => a.depth - b.depth);
  for (const depth of new Set(newPlaces.map((p) => p.depth))) {
    const level = newPlaces.filter((p) => p.depth === depth).map((p) => p.place);
    const rows = await tx
      .insert(locations)
      .values(level.map((p) => locationValues(p, ids)))
      // A concurrent page may have added the same place since the lookup.
      .onConflictDoUpdate({ target: locations.gazetteerKey, set: { name: sql`excluded.name` } })
      .returning({ id: locations.id, key: locations.gazetteerKey });
    for (const row of rows) ids.set(row.key as string, row.id);
  }
  const newKeys = new Set(newPlaces.map((p) => p.place.key));
  await writeClosureAndAliases(tx, allPlaces, chains, spellings, ids, newKeys);
  const mentionIds = new Map([...mentionKeys].map(([k, key]) => [k, ids.get(key) as number]));
  return { mentionIds };
}

/** Row values for a gazetteer place, its parent id taken from `ids` (parents are written first). */
export function locationValues(place: Place, ids: Map<string, number>) {
  return {
    name: place.name,
    nameKey: placeAliasKey(place.name),
    kind: place.kind,
    countryCode: place.countryCode,
    parentId: place.parentKey ? (ids.get(place.parentKey) ?? null) : null,
    latitude: place.latitude,
    longitude: place.longitude,
    population: place.population,
    gazetteerKey: place.key,
    geonameId: place.geonameId,
  };
}

async function writeClosureAndAliases(
  tx: Queryable,
  allPlaces: Map<string, { place: Place }>,
  chains: Map<string, PlaceToWrite>,
  spellings: Map<string, Set<string>>,
  ids: Map<string, number>,
  newKeys: Set<string>,
): Promise<void> {
  const closure: { locationId: number; ancestorId: number; depth: number }[] = [];
  const aliases = new Map<string, { locationId: number; alias: string; aliasKey: string }>();
  const addAlias = (locationId: number, alias: string) => {
    const aliasKey = placeAliasKey(alias);
    const id = `${locationId}:${aliasKey}`;
    // First spelling wins, so the place's own name is the alias stored for its key.
    if (aliasKey && !aliases.has(id)) aliases.set(id, { locationId, alias, aliasKey });
  };
  for (const [key, { place }] of allPlaces) {
    const id = ids.get(key) as number;
    // A place already in the graph has its closure and names; only new spellings are added.
    if (!newKeys.has(key)) {
      for (const alias of spellings.get(key) ?? []) addAlias(id, alias);
      continue;
    }
    const chain = chains.get(key)?.ancestors ?? ancestorsOf(place, allPlaces);
    closure.push({ locationId: id, ancestorId: id, depth: 0 });
    chain.forEach((a, k) =>
      closure.push({ locationId: id, ancestorId: ids.get(a.key) as number, depth: k + 1 }),
    );
    for (const alias of [place.name, ...place.alternateNames, ...(spellings.get(key) ?? [])])
      addAlias(id, alias);
  }
  if (closure.length > 0) await tx.insert(locationAncestors).values(closure).onConflictDoNothing();
  if (aliases.size > 0)
    await tx
      .insert(locationAliases)
      .values([...aliases.values()])
      .onConflictDoNothing();
}

function ancestorsOf(place: Place, allPlaces: Map<string, { place: Place }>): Place[] {
  const chain: Place[] = [];
  let parentKey = place.parentKey;
  while (parentKey && allPlaces.has(parentKey)) {
    const parent = allPlaces.get(parentKey)?.place as Place;
    chain.push(parent);
    parentKey = parent.parentKey;
  }
  return chain;
}

/** Countries the article's explicitly typed mentions point at, most frequent first. */
function dominantCountries(draft: ArticleDraft, gazetteer: Gazetteer): string[] {
  const counts = new Map<string, number>();
  for (const claim of draft.claims)
    for (const m of claim.places) {
      const code = m.countryCode ?? (m.placeKey ? gazetteer.get(m.placeKey)?.countryCode : null);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

/** Upserts each distinct speaker (with its aliases) and returns claim index -> source id. */
export async function upsertSources(tx: Queryable, draft: ArticleDraft): Promise<Map<number, number>> {
  const bySourceKey = new Map<string, NonNullable<ClaimDraft['speaker']>>();
  const claimKeys = new Map<number, string>();
  draft.claims.forEach((claim, i) => {
    if (!claim.speaker) return;
    const key = sourceKey(claim.speaker.name, claim.speaker.kind, draft.url);
    claimKeys.set(i, key);
    if (!bySourceKey.has(key)) bySourceKey.set(key, claim.speaker);
  });
  if (bySourceKey.size === 0) return new Map();
  const rows = await tx
    .insert(sources)
    .values(
      [...bySourceKey].map(([key, s]) => ({
        key,
        name: canonicalBodyName(s.name) ?? s.name,
        kind: s.kind,
        affiliation: s.affiliation ?? null,
        description: s.description ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: sources.key,
      set: { affiliation: sql`coalesce(${sources.affiliation}, excluded.affiliation)` },
    })
    .returning({ id: sources.id, key: sources.key });
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));
  const aliasRows = new Map<string, { sourceId: number; alias: string; aliasKey: string }>();
  draft.claims.forEach((claim, i) => {
    const sourceId = idByKey.get(claimKeys.get(i) ?? '');
    if (!sourceId || !claim.speaker) return;
    const names = [claim.speaker.name, ...(claim.speaker.aliases ?? []), ...knownAliases(claim.speaker.name)];
    for (const alias of names) {
      const aliasKey = nameKey(alias);
      const id = `${sourceId}:${aliasKey}`;
      if (aliasKey && !aliasRows.has(id)) aliasRows.set(id, { sourceId, alias, aliasKey });
    }
  });
  await tx
    .insert(sourceAliases)
    .values([...aliasRows.values()])
    .onConflictDoNothing();
  return new Map([...claimKeys].map(([i, key]) => [i, idByKey.get(key) as number]));
}

async function insertClaims(
  tx: Queryable,
  articleId: number,
  draft: ArticleDraft,
  sourceIds: Map<number, number>,
  placeIds: PlaceIds,
): Promise<void> {
  if (draft.claims.length === 0) return;
  const fallbackDate = draft.publishedAt ? new Date(draft.publishedAt) : null;
  const rows = await tx
    .insert(claims)
    .values(
      draft.claims.map((c, position) => ({
        articleId,
        sourceId: sourceIds.get(position) ?? null,
        speakerText: c.speakerText,
        text: c.text,
        quote: c.quote,
        zone: c.zone,
        startOffset: c.start,
        endOffset: c.end,
        via: c.via,
        claimedAt: c.claimedAt ? new Date(c.claimedAt) : fallbackDate,
        position,
      })),
    )
    .returning({ id: claims.id, position: claims.position });
  const links = rows.flatMap((row) =>
    draft.claims[row.position].places.map((m, j) => ({
      claimId: row.id,
      locationId: placeIds.mentionIds.get(`${row.position}:${j}`) as number,
      mention: m.asWritten,
      startOffset: m.start,
      endOffset: m.end,
      coref: m.coref,
    })),
  );
  if (links.length > 0) await tx.insert(claimLocations).values(links);
}
