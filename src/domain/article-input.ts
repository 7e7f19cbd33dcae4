import { z } from 'zod';
import { type ArticleDraft, PLACE_KINDS, QUOTE_KINDS, SOURCE_KINDS } from '../ingest/types.js';
import { type InputIssue, InvalidInputError } from './errors.js';
import { wellFormed } from './well-formed.js';

/** Largest body accepted, in characters: a long feature is ~100k; anything far beyond is not a page. */
export const MAX_BODY_LENGTH = 2_000_000;

const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s), 'not an ISO date')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

const placeInput = z.object({
  name: z.string().trim().min(1).max(200),
  asWritten: z.string().max(200).nullish(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  coref: z.boolean().default(false),
  placeKey: z.string().max(64).nullish(),
  kind: z.enum(PLACE_KINDS).nullish(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 code expected')
    .nullish(),
});

const claimInput = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().nullish(),
  quote: z.enum(QUOTE_KINDS),
  speakerText: z.string().max(500).nullish(),
  speaker: z
    .object({
      name: z.string().trim().min(1).max(300),
      kind: z.enum(SOURCE_KINDS),
      affiliation: z.string().max(300).nullish(),
      description: z.string().max(1000).nullish(),
      aliases: z.array(z.string().max(300)).max(50).nullish(),
    })
    .nullish(),
  via: z.string().max(300).nullish(),
  claimedAt: isoDate.nullish(),
  zone: z.enum(['HEADLINE', 'BODY']).default('BODY'),
  places: z.array(placeInput).max(100).default([]),
});

export const articleInputSchema = z.object({
  url: z.string().url().max(2048),
  title: z.string().max(1000).nullish(),
  body: z.string().min(1, 'body is empty').max(MAX_BODY_LENGTH),
  publishedAt: isoDate.nullish(),
  pageDate: isoDate.nullish(),
  outlet: z.string().max(300).nullish(),
  claims: z.array(claimInput).max(5000).default([]),
  relatedLinks: z
    .array(z.object({ title: z.string().trim().min(1).max(1000), url: z.string().url().nullish() }))
    .max(1000)
    .default([]),
});

export type ArticleInput = z.input<typeof articleInputSchema>;

/**
 * Checks an already-extracted article (from importArticle or an import file) and returns it as
 * a draft. Throws InvalidInputError listing every problem, so nothing is written on bad input.
 */
export function parseArticleInput(raw: unknown): ArticleDraft {
  const parsed = articleInputSchema.safeParse(storableJson(raw));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    throw new InvalidInputError(describe(issues), issues);
  }
  const input = parsed.data;
  const issues = spanIssues(input);
  if (issues.length > 0) throw new InvalidInputError(describe(issues), issues);
  return {
    url: input.url,
    title: input.title ?? null,
    body: input.body,
    publishedAt: input.publishedAt ?? null,
    pageDate: input.pageDate ?? null,
    outlet: input.outlet ?? null,
    warnings: [],
    relatedLinks: input.relatedLinks.map((l) => ({ title: l.title, url: l.url ?? null })),
    claims: input.claims.map((c) => ({
      start: c.start,
      end: c.end,
      text: input.body.slice(c.start, c.end),
      quote: c.quote,
      speakerText: c.speakerText ?? null,
      speaker: c.speaker
        ? {
            name: c.speaker.name,
            kind: c.speaker.kind,
            affiliation: c.speaker.affiliation ?? null,
            description: c.speaker.description ?? null,
            aliases: c.speaker.aliases ?? [],
          }
        : null,
      via: c.via ?? null,
      claimedAt: c.claimedAt ?? null,
      zone: c.zone,
      places: c.places.map((p) => ({
        name: p.name,
        asWritten: p.asWritten ?? input.body.slice(p.start, p.end),
        start: p.start,
        end: p.end,
        coref: p.coref,
        placeKey: p.placeKey ?? null,
        kind: p.kind ?? null,
        countryCode: p.countryCode ?? null,
      })),
    })),
  };
}

/** Every string in the input made storable (lone surrogates become U+FFFD; lengths unchanged). */
function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storableJson(v)]));
  return value;
}

type ParsedInput = z.output<typeof articleInputSchema>;

/** Offsets must index into the body, and a given text must be what the offsets point at. */
function spanIssues(input: ParsedInput): InputIssue[] {
  const issues: InputIssue[] = [];
  const length = input.body.length;
  const checkSpan = (path: string, start: number, end: number) => {
    if (start >= end) issues.push({ path, message: `start (${start}) must be before end (${end})` });
    else if (end > length)
      issues.push({ path, message: `end (${end}) is past the end of the body (${length})` });
  };
  input.claims.forEach((claim, i) => {
    checkSpan(`claims[${i}]`, claim.start, claim.end);
    const slice = input.body.slice(claim.start, claim.end);
    if (claim.text != null && claim.text !== slice)
      issues.push({ path: `claims[${i}].text`, message: 'text differs from body at the offsets' });
    claim.places.forEach((place, j) => {
      const path = `claims[${i}].places[${j}]`;
      checkSpan(path, place.start, place.end);
      const written = input.body.slice(place.start, place.end);
      const expected = place.asWritten ?? (place.coref ? null : place.name);
      if (expected != null && written !== expected)
        issues.push({ path, message: `body has "${written}" at the offsets, not "${expected}"` });
    });
  });
  return issues;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  );
}

function describe(issues: InputIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path || 'input'}: ${i.message}`);
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `Invalid article: ${shown.join('; ')}${more}`;
}
