/** Shapes passed between ingest stages and into persist.ts. Plain data only. */

export const SOURCE_KINDS = [
  'PERSON',
  'ORGANIZATION',
  'GOVERNMENT',
  'MILITARY',
  'MEDIA',
  'GROUP',
  'ANONYMOUS',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const QUOTE_KINDS = ['DIRECT', 'INDIRECT', 'PARTIAL'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

export const PLACE_KINDS = ['CITY', 'REGION', 'COUNTRY', 'OTHER'] as const;

/** Character range into the article body, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface SpeakerDraft {
  /** Canonical name, e.g. "Paul Polman" for "Unilever Chief Executive Paul Polman". */
  name: string;
  kind: SourceKind;
  /** Role or organisation the text gives, e.g. "Unilever". */
  affiliation?: string | null;
  description?: string | null;
  /** Other names the same speaker goes by in this text. */
  aliases?: string[];
}

export interface PlaceMentionDraft extends Span {
  /** The words in the body, e.g. "Raqa" or "there". */
  asWritten: string;
  /** True for referring phrases ("the city", "there") resolved to an earlier place. */
  coref: boolean;
  /** Gazetteer key (`gn:…`, `a1:…`, `cc:…`) when resolved; otherwise name is looked up at persist time. */
  placeKey: string | null;
  /** Name to resolve when placeKey is null. */
  name: string;
  kind?: 'CITY' | 'REGION' | 'COUNTRY' | 'OTHER' | null;
  countryCode?: string | null;
}

export interface ClaimDraft extends Span {
  /** The claim's words as they stand in the body (body.slice(start, end)). */
  text: string;
  quote: QuoteKind;
  /** Words naming the speaker in the text ("he", "a Syrian military source"), null if implicit. */
  speakerText: string | null;
  /** Resolved speaker; null when the speaker cannot be resolved (e.g. "he" with no antecedent). */
  speaker: SpeakerDraft | null;
  /** Outlet the statement was given to or carried by ("told Reuters"). */
  via: string | null;
  /** ISO date (YYYY-MM-DD) when the text dates the statement, else null. */
  claimedAt: string | null;
  zone: 'HEADLINE' | 'BODY';
  places: PlaceMentionDraft[];
}

export interface RelatedLinkDraft {
  title: string;
  url: string | null;
}

/** Everything extracted from one page, ready to be written by persist.ts. */
export interface ArticleDraft {
  url: string;
  title: string | null;
  /** The stored text every offset indexes into. */
  body: string;
  /** ISO date or datetime of publication, when known. */
  publishedAt: string | null;
  /** Date a site banner shows (when the page was served), when different from publication. */
  pageDate: string | null;
  outlet: string | null;
  claims: ClaimDraft[];
  relatedLinks: RelatedLinkDraft[];
  warnings: string[];
}
