import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';

/** What one ClaimReview is built from: a claim with its speaker and article. */
export interface ClaimReviewSource {
  articleId: number;
  claimId: number;
  text: string;
  claimedAt: Date | string | null;
  sourceName: string | null;
  sourceKind: string | null;
  speakerText: string | null;
  url: string;
  title: string | null;
  outlet: string | null;
  publishedAt: Date | string | null;
}

/** A schema.org ClaimReview JSON-LD object. */
export type ClaimReviewJsonLd = Record<string, unknown> & { '@context': string; '@type': 'ClaimReview' };

/** Who publishes these records: news-graph extracts claims, it does not rate them. */
export const REVIEW_AUTHOR = { '@type': 'Organization', name: 'news-graph' } as const;

const PERSON_KINDS = new Set(['PERSON', 'ANONYMOUS']);

function isoDate(value: Date | string | null): string | undefined {
  if (value == null) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString().slice(0, 10);
}

/**
 * The ClaimReview for one claim: claimReviewed is the claim text, itemReviewed a Claim whose
 * author is the source (the claimant) and whose appearance and firstAppearance are the article.
 * reviewRating says "not rated": these are extracted claims for fact-checkers to pick up.
 */
export function toClaimReview(row: ClaimReviewSource): ClaimReviewJsonLd {
  const article = {
    '@type': 'NewsArticle',
    url: row.url,
    headline: row.title ?? undefined,
    datePublished: isoDate(row.publishedAt),
    publisher: row.outlet ? { '@type': 'Organization', name: row.outlet } : undefined,
  };
  const claimant = row.sourceName
    ? { '@type': PERSON_KINDS.has(row.sourceKind ?? '') ? 'Person' : 'Organization', name: row.sourceName }
    : undefined;
  return withoutUndefined({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${row.url}#claim-${row.claimId}`,
    claimReviewed: row.text,
    datePublished: isoDate(row.publishedAt),
    author: REVIEW_AUTHOR,
    reviewRating: { '@type': 'Rating', alternateName: 'Not rated: claim extracted, not fact-checked' },
    itemReviewed: {
      '@type': 'Claim',
      author: claimant,
      dateCreated: isoDate(row.claimedAt),
      appearance: article,
      firstAppearance: article,
    },
  }) as ClaimReviewJsonLd;
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    );
  return value;
}

/** The ClaimReviews of each article's claims, in reading order. One statement for any number of articles. */
export async function claimReviewsForArticles(
  db: Queryable,
  articleIds: readonly number[],
): Promise<Map<number, ClaimReviewJsonLd[]>> {
  const rows = await executeRows<ClaimReviewSource>(
    db,
    sql`
    select a.id as "articleId", c.id as "claimId", c.text, c.claimed_at as "claimedAt",
      s.name as "sourceName", s.kind as "sourceKind", c.speaker_text as "speakerText",
      a.url, a.title, a.outlet, a.published_at as "publishedAt"
    from claims c join articles a on a.id = c.article_id left join sources s on s.id = c.source_id
    where c.article_id = any(${sql.param([...articleIds])}::int[])
    order by c.article_id, c.position`,
  );
  const byArticle = new Map<number, ClaimReviewJsonLd[]>(articleIds.map((id) => [id, []]));
  for (const row of rows) byArticle.get(Number(row.articleId))?.push(toClaimReview(row));
  return byArticle;
}

/** The ClaimReviews of the article at `url`, or null when it is not in the graph. */
export async function claimReviewsForUrl(db: Queryable, url: string): Promise<ClaimReviewJsonLd[] | null> {
  const [article] = await executeRows<{ id: number }>(db, sql`select id from articles where url = ${url}`);
  if (!article) return null;
  return (await claimReviewsForArticles(db, [article.id])).get(article.id) ?? [];
}
