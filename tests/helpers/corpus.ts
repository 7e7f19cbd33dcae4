import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleInput } from '../../src/domain/article-input.js';

/** ../shared/corpus beside the clone, read in place (CI lays it out the same way). */
export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

export interface GoldPlace {
  as_written: string;
  canonical: string;
  country: string | null;
  kind: 'CITY' | 'REGION' | 'COUNTRY' | 'OTHER';
  coref?: boolean;
}

export interface GoldClaim {
  anchor: string;
  anchor_occurrence?: number;
  zone?: string;
  source_as_written: string | null;
  source: string | null;
  source_kind: string;
  places: GoldPlace[];
  quote: 'direct' | 'indirect' | 'partial';
  via?: string;
  claimed_at?: string;
}

export interface SeedGold {
  article: { title: string; published: string; page_date: string };
  related_links: { title: string }[];
  claims: GoldClaim[];
}

export function readSeed(): { text: string; gold: SeedGold } {
  return {
    text: readFileSync(`${corpusDir}seed/article.txt`, 'utf8'),
    gold: JSON.parse(readFileSync(`${corpusDir}seed/gold.json`, 'utf8')),
  };
}

function nthIndexOf(text: string, needle: string, n: number, from = 0): number {
  let at = from - 1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found ${n} time(s)`);
  }
  return at;
}

/**
 * The seed page as importArticle input, built from its hand-made gold: each claim spans the
 * line holding its anchor; each place is found inside that span. This is how a pipeline with
 * its own extractor would call importArticle.
 */
export function seedAsImportInput(url = 'https://corpus.example/seed'): ArticleInput {
  const { text, gold } = readSeed();
  const claims = gold.claims.map((claim) => {
    const anchorAt = nthIndexOf(text, claim.anchor, claim.anchor_occurrence ?? 1);
    const start = text.lastIndexOf('\n', anchorAt) + 1;
    const lineEnd = text.indexOf('\n', anchorAt);
    const end = lineEnd < 0 ? text.length : lineEnd;
    return {
      start,
      end,
      quote: claim.quote.toUpperCase() as 'DIRECT' | 'INDIRECT' | 'PARTIAL',
      speakerText: claim.source_as_written,
      speaker: claim.source ? { name: claim.source, kind: claim.source_kind as 'PERSON' } : null,
      via: claim.via ?? null,
      claimedAt: claim.claimed_at ?? null,
      zone: claim.zone === 'headline' ? ('HEADLINE' as const) : ('BODY' as const),
      places: claim.places.map((place) => {
        const at = wordIndexOf(text.slice(start, end), place.as_written) + start;
        return {
          name: place.coref ? place.canonical : place.as_written,
          asWritten: place.as_written,
          start: at,
          end: at + place.as_written.length,
          coref: place.coref ?? false,
          kind: place.kind,
          countryCode: place.country,
        };
      }),
    };
  });
  return {
    url,
    title: gold.article.title,
    body: text,
    publishedAt: gold.article.published,
    pageDate: gold.article.page_date,
    outlet: null,
    claims,
    relatedLinks: gold.related_links.map((l) => ({ title: l.title })),
  };
}

function wordIndexOf(haystack: string, word: string): number {
  const match = new RegExp(
    `(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
    'u',
  ).exec(haystack);
  if (!match) throw new Error(`"${word}" not found as a word`);
  return match.index;
}
