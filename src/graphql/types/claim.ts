import type { Location } from '../../db/schema/index.js';
import { builder } from '../builder.js';
import { ClaimZoneEnum, QuoteKindEnum } from './enums.js';
import { LocationRef } from './location.js';

export const SpanRef = builder.objectRef<{ start: number; end: number }>('Span').implement({
  description: 'Character range into Article.body; end is exclusive.',
  fields: (t) => ({
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
  }),
});

export const PlaceMentionRef = builder.drizzleObject('claimLocations', {
  name: 'PlaceMention',
  description: 'A place named in a claim, as written, and the location it resolved to.',
  select: {},
  fields: (t) => ({
    asWritten: t.exposeString('mention', { description: 'The words in the body, e.g. "Raqa" or "there".' }),
    span: t.field({
      type: SpanRef,
      select: { columns: { startOffset: true, endOffset: true } },
      resolve: (m) => ({ start: m.startOffset, end: m.endOffset }),
    }),
    coref: t.exposeBoolean('coref', {
      description: 'True for a referring phrase ("the city", "there") resolved to an earlier place.',
    }),
    location: t.relation('location'),
  }),
});

export const ClaimRef = builder.drizzleNode('claims', {
  name: 'Claim',
  description: 'One reporting act: a source said something, about some places, in an article.',
  select: {},
  id: { column: (claim) => claim.id },
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The claim as it stands in the article body.' }),
    quote: t.expose('quote', { type: QuoteKindEnum }),
    zone: t.expose('zone', { type: ClaimZoneEnum }),
    speakerText: t.exposeString('speakerText', {
      nullable: true,
      description: 'The words naming the speaker as written ("he", "a Syrian military source").',
    }),
    span: t.field({
      type: SpanRef,
      select: { columns: { startOffset: true, endOffset: true } },
      resolve: (c) => ({ start: c.startOffset, end: c.endOffset }),
    }),
    via: t.exposeString('via', {
      nullable: true,
      description: 'Outlet the statement was given to or carried by ("told Reuters").',
    }),
    claimedAt: t.expose('claimedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the statement was made: the date the text gives, else the publication date.',
    }),
    source: t.relation('source', {
      nullable: true,
      description: 'Who made the claim; null when the speaker could not be resolved.',
    }),
    article: t.relation('article'),
    mentions: t.relation('mentions', {
      description: 'Every place mention with its offsets, for inspecting the extraction.',
      query: { orderBy: { startOffset: 'asc' } },
    }),
  }),
});

// Declared after ClaimRef: LocationRef's fields refer back to ClaimRef.
builder.drizzleObjectFields(ClaimRef, (t) => ({
  locations: t.field({
    type: [LocationRef],
    description: 'Places the claim is about, each once, in the order first mentioned.',
    // nestedSelection plans the Location fields asked for into this same query, so the places
    // need no second statement.
    select: (_args, _ctx, nestedSelection) => ({
      with: {
        mentions: { columns: {}, orderBy: { startOffset: 'asc' }, with: { location: nestedSelection() } },
      },
    }),
    resolve: (claim) => {
      const unique = new Map<number, Location>();
      for (const m of claim.mentions as { location: Location }[]) unique.set(m.location.id, m.location);
      return [...unique.values()];
    },
  }),
}));
