import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { InvalidInputError } from './errors.js';
import { placeAliasKey } from './names.js';
import type { Page, PageWindow } from './paging.js';

/** A full-text hit: the row, its ts_rank and a highlighted excerpt (matches between «»). */
export interface TextHit {
  id: number;
  rank: number;
  snippet: string;
  total: number;
}

/** A fuzzy name hit: the row and its trigram similarity (0..1) to the name asked for. */
export interface NameHit {
  id: number;
  similarity: number;
  total: number;
}

/** Below this trigram similarity a name is not offered as a match (pg_trgm's own default). */
export const FUZZY_THRESHOLD = 0.3;

// Markers rather than HTML: bodies are plain text and a client decides how to render a match.
const HEADLINE_OPTIONS =
  'StartSel=«, StopSel=», MaxFragments=2, MaxWords=30, MinWords=8, FragmentDelimiter=" … "';

function requireQuery(query: string): string {
  const trimmed = query.trim();
  if (!trimmed)
    throw new InvalidInputError('The search query is empty', [{ path: 'query', message: 'empty' }]);
  return trimmed;
}

function toPage<T extends { total: number }>(rows: T[]): Page<T> {
  return { items: rows, totalCount: Number(rows[0]?.total ?? 0) };
}

/**
 * Articles matching a web-search query over title and body, best ts_rank first (title words
 * weigh more), with a highlighted snippet. One statement; the GIN index finds the matches and
 * ts_headline runs only on the page's rows.
 */
export async function searchArticles(
  db: Queryable,
  query: string,
  window: PageWindow,
): Promise<Page<TextHit>> {
  const rows = await executeRows<TextHit>(
    db,
    sql`
    with q as (select websearch_to_tsquery('english', ${requireQuery(query)}) as q),
    hits as (
      select a.id, ts_rank(a.search_vector, q.q) as rank, count(*) over ()::int as total
      from articles a, q where a.search_vector @@ q.q
      order by rank desc, a.id limit ${window.limit} offset ${window.offset}
    )
    select h.id, h.rank, h.total,
      ts_headline('english', coalesce(a.title || E'\n', '') || a.body, q.q, ${HEADLINE_OPTIONS}) as snippet
    from hits h join articles a on a.id = h.id, q
    order by h.rank desc, h.id`,
  );
  return toPage(rows);
}

/** Claims whose text matches a web-search query, best ts_rank first, with a snippet. One statement. */
export async function searchClaims(db: Queryable, query: string, window: PageWindow): Promise<Page<TextHit>> {
  const rows = await executeRows<TextHit>(
    db,
    sql`
    with q as (select websearch_to_tsquery('english', ${requireQuery(query)}) as q),
    hits as (
      select c.id, ts_rank(c.search_vector, q.q) as rank, count(*) over ()::int as total
      from claims c, q where c.search_vector @@ q.q
      order by rank desc, c.id limit ${window.limit} offset ${window.offset}
    )
    select h.id, h.rank, h.total, ts_headline('english', c.text, q.q, ${HEADLINE_OPTIONS}) as snippet
    from hits h join claims c on c.id = h.id, q
    order by h.rank desc, h.id`,
  );
  return toPage(rows);
}

/**
 * Places in the graph whose spellings resemble `name`, most similar first; on a tie the city
 * (as `location(name:)` reads a bare name: "Deir ez-Zor" is the city, not its governorate), then
 * the most populous.
 * A spelling is scored by trigram similarity on the text ("Deir Ezzor" ~ "Deir ez-Zor"), whole-word
 * similarity for a name inside a longer one, and similarity of the transliteration-folding
 * spelling keys ("Rakka" and "Raqqa" share "raka"); each test is served by a GIN trigram index.
 * One statement.
 */
export async function searchLocationsByName(
  db: Queryable,
  name: string,
  window: PageWindow,
): Promise<Page<NameHit>> {
  const q = requireQuery(name).toLowerCase();
  const key = placeAliasKey(q) || q;
  const rows = await executeRows<NameHit>(
    db,
    sql`
    with scored as (
      select location_id as id,
        max(greatest(similarity(lower(alias), ${q}), word_similarity(${q}, lower(alias)), similarity(alias_key, ${key}))) as similarity
      from location_aliases
      where lower(alias) % ${q} or ${q} <% lower(alias) or alias_key % ${key}
      group by 1
    )
    select s.id, s.similarity, count(*) over ()::int as total
    from scored s join locations l on l.id = s.id
    where s.similarity >= ${FUZZY_THRESHOLD}
    order by s.similarity desc, (l.kind = 'CITY') desc, l.population desc nulls last, s.id limit ${window.limit} offset ${window.offset}`,
  );
  return toPage(rows);
}

/**
 * Sources whose names (any spelling seen) resemble `name`, most similar first: trigram and
 * whole-word similarity through the GIN index on lower(alias) ("Al-Arabyia" ~ "Al Arabiya").
 * One statement.
 */
export async function searchSourcesByName(
  db: Queryable,
  name: string,
  window: PageWindow,
): Promise<Page<NameHit>> {
  const q = requireQuery(name).toLowerCase();
  const rows = await executeRows<NameHit>(
    db,
    sql`
    with scored as (
      select source_id as id, max(greatest(similarity(lower(alias), ${q}), word_similarity(${q}, lower(alias)))) as similarity
      from source_aliases
      where lower(alias) % ${q} or ${q} <% lower(alias)
      group by 1
    )
    select id, similarity, count(*) over ()::int as total from scored
    where similarity >= ${FUZZY_THRESHOLD}
    order by similarity desc, id limit ${window.limit} offset ${window.offset}`,
  );
  return toPage(rows);
}

/**
 * How close a misspelt name must be before `location(name:)` / `source(name:)` take it to mean
 * a stored one; stricter than the search lists, since a wrong answer is worse than none.
 */
export const FALLBACK_THRESHOLD = 0.5;

/** The id of the place whose spelling is closest to `name`, if close enough; else null. */
export async function closestLocationId(db: Queryable, name: string): Promise<number | null> {
  if (!name.trim()) return null;
  const [best] = (await searchLocationsByName(db, name, { offset: 0, limit: 1 })).items;
  return best && best.similarity >= FALLBACK_THRESHOLD ? best.id : null;
}

/** The id of the source whose name is closest to `name`, if close enough; else null. */
export async function closestSourceId(db: Queryable, name: string): Promise<number | null> {
  if (!name.trim()) return null;
  const [best] = (await searchSourcesByName(db, name, { offset: 0, limit: 1 })).items;
  return best && best.similarity >= FALLBACK_THRESHOLD ? best.id : null;
}
