import type { Article, Claim } from '../../db/schema/index.js';
import type { ClaimVerdict } from '../../domain/claim-similarity.js';
import {
  type ClaimMatch,
  claimMatchesFor,
  type RelationReason,
  relatedArticlesFor,
} from '../../domain/story-relations.js';
import { builder, type Context } from '../builder.js';
import { type ConnectionArgs, offsetConnection, rowStub, windowFor } from '../paging.js';
import { ArticleRef } from './article.js';
import { ClaimRef } from './claim.js';

const RelationKindEnum = builder.enumType('RelationKind', {
  description: 'Why two articles are related.',
  values: {
    SHARED_SOURCE: { description: 'Both quote this source.' },
    SHARED_PLACE: { description: 'Both make claims about this place.' },
    PLACE_WITHIN: {
      description:
        'One names a place inside this (non-country) place, the other names this place or another place inside it.',
    },
    RELATED_LINK: { description: 'One lists the other among its related links (by target, URL or title).' },
  } as const,
});

const RelationReasonRef = builder.objectRef<RelationReason>('RelationReason').implement({
  description: 'One reason two articles are related.',
  fields: (t) => ({
    kind: t.field({ type: RelationKindEnum, resolve: (r) => r.kind }),
    name: t.exposeString('name', {
      description: 'The shared source or place, the containing place for PLACE_WITHIN, or the link title.',
    }),
  }),
});

builder.drizzleObjectFields(ArticleRef, (t) => ({
  relatedArticles: t.connection(
    {
      type: ArticleRef,
      description:
        'Other articles sharing sources, places or a related link with this one, strongest relation first.',
      resolve: async (article, args, ctx) => {
        const window = windowFor(args);
        const page = await ctx.loaders
          .pages(`Article.relatedArticles:${JSON.stringify(window)}`, (ids) =>
            relatedArticlesFor(ctx.db, ids, window),
          )
          .load(article.id);
        return offsetConnection(args, page, (item) => ({
          node: rowStub<Article>(item.articleId),
          strength: item.strength,
          reasons: item.reasons,
        }));
      },
    },
    {
      name: 'RelatedArticleConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
    {
      name: 'RelatedArticleEdge',
      fields: (e) => ({
        strength: e.int({
          description:
            "Sum of the reasons' weights: related link 5, shared source 3, shared place 2, place within 1.",
          resolve: (edge) => (edge as unknown as { strength: number }).strength,
        }),
        reasons: e.field({
          type: [RelationReasonRef],
          description: 'Each distinct reason, heaviest first.',
          resolve: (edge) => (edge as unknown as { reasons: RelationReason[] }).reasons,
        }),
      }),
    },
  ),
}));

/** The matches of one verdict for a claim, paged; both verdicts share one batched statement per request. */
async function claimMatchesPage(ctx: Context, claimId: number, verdict: ClaimVerdict, args: ConnectionArgs) {
  const all = await ctx.loaders
    .pages<ClaimMatch>('Claim.matches', async (ids) => {
      const byClaim = await claimMatchesFor(ctx.db, ids);
      return new Map([...byClaim].map(([id, items]) => [id, { items, totalCount: items.length }]));
    })
    .load(claimId);
  const matching = all.items.filter((m) => m.verdict === verdict);
  const { offset, limit } = windowFor(args);
  const page = { items: matching.slice(offset, offset + limit), totalCount: matching.length };
  return offsetConnection(args, page, (m) => ({
    node: rowStub<Claim>(m.claimId),
    overlap: m.overlap,
    sharedTerms: m.sharedTerms,
    reasons: m.reasons,
  }));
}

const claimMatchEdge = {
  name: 'ClaimMatchEdge',
  fields: (e: Parameters<NonNullable<Parameters<typeof builder.objectType>[1]['fields']>>[0]) => {
    const edge = (value: unknown) => value as ClaimMatch;
    return {
      overlap: e.float({
        description: "Jaccard overlap of the two claims' content words (lemmatised), 0 to 1.",
        resolve: (value) => edge(value).overlap,
      }),
      sharedTerms: e.stringList({
        description: 'Content lemmas both claims use.',
        resolve: (value) => edge(value).sharedTerms,
      }),
      reasons: e.stringList({
        description:
          'Number and negation evidence: "same number 400 militant", "different numbers for …", "negation mismatch".',
        resolve: (value) => edge(value).reasons,
      }),
    };
  },
};

builder.drizzleObjectFields(ClaimRef, (t) => ({
  corroboratedBy: t.connection(
    {
      type: ClaimRef,
      description:
        'Candidate corroborations: claims by other sources about the same place (or one containing the other) within ±7 days, saying the same thing (enough shared content words, no conflicting numbers or negation). Highest overlap first.',
      resolve: (claim, args, ctx) => claimMatchesPage(ctx, claim.id, 'CORROBORATES', args),
    },
    {
      name: 'ClaimCorroborationConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
    { ...claimMatchEdge, name: 'ClaimCorroborationEdge' },
  ),
  contradictedBy: t.connection(
    {
      type: ClaimRef,
      description:
        'Candidate contradictions: claims by other sources about the same place and period, on the same matter, giving a different number for the same quantity, the opposite polarity ("not"), or an opposite predicate. Highest overlap first.',
      resolve: (claim, args, ctx) => claimMatchesPage(ctx, claim.id, 'CONTRADICTS', args),
    },
    {
      name: 'ClaimContradictionConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
    { ...claimMatchEdge, name: 'ClaimContradictionEdge' },
  ),
}));
