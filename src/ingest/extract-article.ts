import type { Gazetteer } from '../geo/types.js';
import { extractClaims } from './extract-claims.js';
import { extractPage } from './extract-page.js';
import { extractPlaces, type PlaceTools } from './extract-places.js';
import { resolveSpeakers } from './resolve-speakers.js';
import type { ArticleDraft, ClaimDraft, Span } from './types.js';

/** One page as fetched or scraped. */
export interface ArticleInput {
  url: string;
  text?: string;
  html?: string;
  title?: string | null;
  publishedAt?: string | null;
  outlet?: string | null;
}

/** Optional helpers from the geo side; without them demonyms are not recognised as countries. */
export interface ExtractOptions {
  demonymCountry?: (word: string) => string | null;
}

/**
 * Turns one news page into an ArticleDraft: page structure, reporting acts, speakers, places.
 * Deterministic and free of I/O; the gazetteer is passed in.
 */
export function extractArticle(
  input: ArticleInput,
  gazetteer: Gazetteer,
  options: ExtractOptions = {},
): ArticleDraft {
  const page = extractPage(input);
  const candidates = extractClaims(page);
  const tools: PlaceTools = { gazetteer, demonymCountry: options.demonymCountry };
  const tests = {
    isCountry: (w: string) =>
      gazetteer.resolve(w, { kindHint: 'COUNTRY' })?.kind === 'COUNTRY' && /^\p{Lu}\p{Ll}/u.test(w),
    isDemonym: (w: string) => !!options.demonymCountry?.(w.replace(/['’]s$/, '')),
  };
  const speakers = resolveSpeakers(page.body, candidates, tests);
  const speakerSpans = candidates
    .flatMap((c) => [c.speakerSpan, c.viaSpan])
    .filter((s): s is Span => s !== null);
  const personWords = new Set<string>();
  for (const s of speakers)
    if (s.speaker?.kind === 'PERSON') for (const w of s.speaker.name.split(/\s+/)) personWords.add(w);
  const places = extractPlaces(page, candidates, speakerSpans, personWords, tools);
  const claims: ClaimDraft[] = candidates.map((c, i) => ({
    start: c.start,
    end: c.end,
    text: c.text,
    quote: c.quote,
    speakerText: speakers[i].speakerText,
    speaker: speakers[i].speaker,
    via: c.viaText,
    claimedAt: c.claimedAt,
    zone: c.zone,
    places: places[i],
  }));
  return {
    url: input.url,
    title: page.title,
    body: page.body,
    publishedAt: page.publishedAt,
    pageDate: page.pageDate,
    outlet: page.outlet,
    claims,
    relatedLinks: page.relatedLinks,
    warnings: [],
  };
}
