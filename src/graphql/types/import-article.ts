import { saveArticleGraph } from '../../domain/article-graph.js';
import { parseArticleInput } from '../../domain/article-input.js';
import { builder } from '../builder.js';
import { toGraphQLError } from '../errors.js';
import { ArticleRef } from './article.js';
import { ClaimZoneEnum, LocationKindEnum, QuoteKindEnum, SourceKindEnum } from './enums.js';

const SpeakerInput = builder.inputType('ImportSpeakerInput', {
  description: 'A resolved speaker.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Canonical name, e.g. "Paul Polman".' }),
    kind: t.field({ type: SourceKindEnum, required: true }),
    affiliation: t.string(),
    description: t.string(),
    aliases: t.stringList({ description: 'Other names the speaker goes by.' }),
  }),
});

const PlaceInput = builder.inputType('ImportPlaceInput', {
  description: 'A place a claim is about, with where it is named in the body.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Place name to resolve (any spelling).' }),
    asWritten: t.string({ description: 'Words at the offsets when they differ from name ("there").' }),
    start: t.int({ required: true }),
    end: t.int({ required: true }),
    coref: t.boolean({ defaultValue: false }),
    kind: t.field({ type: LocationKindEnum, description: 'Hint: REGION picks the province over the city.' }),
    countryCode: t.string({ description: 'Hint: ISO 3166-1 alpha-2.' }),
  }),
});

const ClaimInput = builder.inputType('ImportClaimInput', {
  description: 'One already-extracted claim; start/end index into the article body.',
  fields: (t) => ({
    start: t.int({ required: true }),
    end: t.int({ required: true }),
    quote: t.field({ type: QuoteKindEnum, required: true }),
    speakerText: t.string({ description: 'Words naming the speaker as written.' }),
    speaker: t.field({ type: SpeakerInput, description: 'Null when the speaker is unresolved.' }),
    via: t.string(),
    claimedAt: t.string({ description: 'ISO 8601 date or date-time the text gives for the statement.' }),
    zone: t.field({ type: ClaimZoneEnum, defaultValue: 'BODY' }),
    places: t.field({ type: [PlaceInput], defaultValue: [] }),
  }),
});

const RelatedLinkInput = builder.inputType('ImportRelatedLinkInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    url: t.field({ type: 'URL' }),
  }),
});

const ImportArticleInput = builder.inputType('ImportArticleInput', {
  description: 'An article with claims extracted elsewhere, for pipelines with their own extractor.',
  fields: (t) => ({
    url: t.field({ type: 'URL', required: true }),
    title: t.string(),
    body: t.string({ required: true }),
    publishedAt: t.string({ description: 'ISO 8601 date ("2017-10-12") or date-time of publication.' }),
    pageDate: t.string({
      description: 'ISO 8601 date a site banner showed, when it differs from publication.',
    }),
    outlet: t.string(),
    claims: t.field({ type: [ClaimInput], defaultValue: [] }),
    relatedLinks: t.field({ type: [RelatedLinkInput], defaultValue: [] }),
  }),
});

export const SaveStatusEnum = builder.enumType('SaveStatus', {
  description: 'What an import did: a new article, a replaced one, or nothing (same content).',
  values: ['CREATED', 'UPDATED', 'UNCHANGED'] as const,
});

const ImportArticlePayload = builder
  .objectRef<{ articleId: number; status: 'CREATED' | 'UPDATED' | 'UNCHANGED'; claimCount: number }>(
    'ImportArticlePayload',
  )
  .implement({
    fields: (t) => ({
      status: t.field({ type: SaveStatusEnum, resolve: (p) => p.status }),
      claimCount: t.exposeInt('claimCount'),
      article: t.drizzleField({
        type: ArticleRef,
        resolve: async (query, p, _args, ctx) =>
          (await ctx.db.query.articles.findFirst(query({ where: { id: p.articleId } })))!,
      }),
    }),
  });

/** JSON-friendly copy of the GraphQL input: scalars parsed to Date/URL go back to strings. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof URL) return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

builder.mutationField('importArticle', (t) =>
  t.field({
    type: ImportArticlePayload,
    description:
      "Loads an article with already-extracted claims. Idempotent by URL: the same content changes nothing, changed content replaces the article's claims in one transaction. Bad input is rejected with code BAD_USER_INPUT and nothing is written.",
    args: { input: t.arg({ type: ImportArticleInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      try {
        const draft = parseArticleInput(plain(args.input));
        const saved = await saveArticleGraph(ctx.db, draft, ctx.gazetteer);
        if (saved.status !== 'UNCHANGED') await ctx.claimEvents.publishClaimsAdded(saved.articleId);
        return saved;
      } catch (error) {
        return toGraphQLError(error);
      }
    },
  }),
);
