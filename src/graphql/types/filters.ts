import { GraphQLError } from 'graphql';
import type { ArticleFilter, ClaimFilter, LocationFilter, SourceFilter } from '../../domain/filters.js';
import { builder } from '../builder.js';
import { LocationKindEnum, QuoteKindEnum, SourceKindEnum } from './enums.js';

type GlobalId = { typename: string; id: string };

/** The database id inside a Relay global id, checked to be of the expected type. */
export function idOf(value: GlobalId, typename: string): number {
  const id = Number(value.id);
  if (value.typename !== typename || !Number.isInteger(id)) {
    throw new GraphQLError(`Expected a ${typename} id`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return id;
}

function idsOf(values: readonly GlobalId[] | null | undefined, typename: string): number[] | null {
  return values ? values.map((v) => idOf(v, typename)) : null;
}

export const ArticleFilterInput = builder.inputType('ArticleFilter', {
  description: 'Articles to keep; every given field must hold.',
  fields: (t) => ({
    publishedFrom: t.field({ type: 'DateTime', description: 'Published at or after this instant.' }),
    publishedTo: t.field({ type: 'DateTime', description: 'Published before this instant.' }),
    outlet: t.string({ description: 'Outlet name, case-insensitive.' }),
    text: t.string({
      description: 'Full-text query over title and body (web-search syntax: words, "phrases", -exclusions).',
    }),
  }),
});

export const ArticleOrderEnum = builder.enumType('ArticleOrder', {
  description: 'Orderings of an article connection; ties break on the id, so cursors are stable.',
  values: {
    PUBLISHED_DESC: { description: 'Newest publication date first; undated articles last.' },
    PUBLISHED_ASC: { description: 'Oldest publication date first; undated articles first.' },
    ADDED_DESC: { description: 'Most recently added first.' },
  } as const,
});

export const ClaimFilterInput = builder.inputType('ClaimFilter', {
  description: 'Claims to keep; every given field must hold.',
  fields: (t) => ({
    sources: t.globalIDList({ description: 'Made by one of these sources.' }),
    sourceKinds: t.field({ type: [SourceKindEnum], description: 'Made by a source of one of these kinds.' }),
    quoteKinds: t.field({ type: [QuoteKindEnum], description: 'Reported in one of these ways.' }),
    claimedFrom: t.field({ type: 'DateTime', description: 'claimedAt at or after this instant.' }),
    claimedTo: t.field({ type: 'DateTime', description: 'claimedAt before this instant.' }),
    location: t.globalID({ description: 'About this place.' }),
    includeContained: t.boolean({
      defaultValue: false,
      description:
        'With location: also claims about places inside it (and, for a city, the region named after it).',
    }),
    articles: t.globalIDList({ description: 'Made in one of these articles.' }),
    text: t.string({ description: 'Full-text query over the claim text (web-search syntax).' }),
  }),
});

export const ClaimOrderEnum = builder.enumType('ClaimOrder', {
  description: 'Orderings of a claim connection; ties break on the id, so cursors are stable.',
  values: {
    CLAIMED_DESC: { description: 'Newest claimedAt first; undated claims last.' },
    CLAIMED_ASC: { description: 'Oldest claimedAt first; undated claims first.' },
    ADDED_DESC: { description: 'Most recently added first.' },
  } as const,
});

export const SourceFilterInput = builder.inputType('SourceFilter', {
  description: 'Sources to keep; every given field must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [SourceKindEnum], description: 'Of one of these kinds.' }),
    namePrefix: t.string({ description: 'Canonical name starts with this, case-insensitive.' }),
  }),
});

export const SourceOrderEnum = builder.enumType('SourceOrder', {
  description: 'Orderings of a source connection; ties break on the id, so cursors are stable.',
  values: {
    NAME_ASC: { description: 'By canonical name.' },
    ADDED_DESC: { description: 'Most recently added first.' },
  } as const,
});

export const LocationFilterInput = builder.inputType('LocationFilter', {
  description: 'Places to keep; every given field must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [LocationKindEnum], description: 'Of one of these kinds.' }),
    countryCodes: t.stringList({ description: 'In one of these countries (ISO 3166-1 alpha-2).' }),
    namePrefix: t.string({ description: 'Name starts with this, case-insensitive.' }),
    within: t.globalID({ description: 'Inside this place, at any depth (not the place itself).' }),
  }),
});

export const LocationOrderEnum = builder.enumType('LocationOrder', {
  description: 'Orderings of a location connection; ties break on the id, so cursors are stable.',
  values: {
    NAME_ASC: { description: 'By name.' },
    ADDED_DESC: { description: 'Most recently added first.' },
  } as const,
});

type LocationFilterArg = typeof LocationFilterInput.$inferInput;

export function toLocationFilter(arg: LocationFilterArg | null | undefined): LocationFilter | null {
  if (!arg) return null;
  return { ...arg, withinId: arg.within ? idOf(arg.within, 'Location') : null };
}

export const locationOrderBy = {
  NAME_ASC: { name: 'asc' },
  ADDED_DESC: { id: 'desc' },
} as const;

type ArticleFilterArg = typeof ArticleFilterInput.$inferInput;
export type ClaimFilterArg = typeof ClaimFilterInput.$inferInput;
type SourceFilterArg = typeof SourceFilterInput.$inferInput;

export function toArticleFilter(arg: ArticleFilterArg | null | undefined): ArticleFilter | null {
  return arg ?? null;
}

export function toClaimFilter(arg: ClaimFilterArg | null | undefined): ClaimFilter | null {
  if (!arg) return null;
  return {
    ...arg,
    sourceIds: idsOf(arg.sources, 'Source'),
    articleIds: idsOf(arg.articles, 'Article'),
    place: arg.location
      ? { locationId: idOf(arg.location, 'Location'), includeContained: arg.includeContained ?? false }
      : null,
  };
}

export function toSourceFilter(arg: SourceFilterArg | null | undefined): SourceFilter | null {
  return arg ?? null;
}

/** Relational-query orderings; Pothos appends the primary key and builds cursors from them. */
export const articleOrderBy = {
  PUBLISHED_DESC: { publishedOrder: 'desc' },
  PUBLISHED_ASC: { publishedOrder: 'asc' },
  ADDED_DESC: { id: 'desc' },
} as const;

export const claimOrderBy = {
  CLAIMED_DESC: { claimedOrder: 'desc' },
  CLAIMED_ASC: { claimedOrder: 'asc' },
  ADDED_DESC: { id: 'desc' },
} as const;

export const sourceOrderBy = {
  NAME_ASC: { name: 'asc' },
  ADDED_DESC: { id: 'desc' },
} as const;
