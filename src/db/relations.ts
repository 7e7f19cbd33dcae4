import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

export const relations = defineRelations(schema, (r) => ({
  articles: {
    claims: r.many.claims({ from: r.articles.id, to: r.claims.articleId }),
    relatedLinks: r.many.relatedLinks({ from: r.articles.id, to: r.relatedLinks.articleId }),
  },
  claims: {
    article: r.one.articles({ from: r.claims.articleId, to: r.articles.id, optional: false }),
    source: r.one.sources({ from: r.claims.sourceId, to: r.sources.id }),
    mentions: r.many.claimLocations({ from: r.claims.id, to: r.claimLocations.claimId }),
    locations: r.many.locations({
      from: r.claims.id.through(r.claimLocations.claimId),
      to: r.locations.id.through(r.claimLocations.locationId),
    }),
  },
  claimLocations: {
    claim: r.one.claims({ from: r.claimLocations.claimId, to: r.claims.id, optional: false }),
    location: r.one.locations({
      from: r.claimLocations.locationId,
      to: r.locations.id,
      optional: false,
    }),
  },
  sources: {
    claims: r.many.claims({ from: r.sources.id, to: r.claims.sourceId }),
    aliases: r.many.sourceAliases({ from: r.sources.id, to: r.sourceAliases.sourceId }),
  },
  sourceAliases: {
    source: r.one.sources({ from: r.sourceAliases.sourceId, to: r.sources.id, optional: false }),
  },
  locations: {
    parent: r.one.locations({ from: r.locations.parentId, to: r.locations.id, alias: 'parent' }),
    children: r.many.locations({ from: r.locations.id, to: r.locations.parentId, alias: 'parent' }),
    aliases: r.many.locationAliases({ from: r.locations.id, to: r.locationAliases.locationId }),
    speakerCounts: r.many.locationSpeakerCounts({
      from: r.locations.id,
      to: r.locationSpeakerCounts.locationId,
    }),
    // The region named after a city ("Deir al-Zor" city in Deir al-Zor governorate).
    namedRegion: r.one.locations({
      from: [r.locations.parentId, r.locations.nameKey],
      to: [r.locations.id, r.locations.nameKey],
      where: { kind: 'REGION' },
      alias: 'namedRegion',
    }),
    ancestorLinks: r.many.locationAncestors({
      from: r.locations.id,
      to: r.locationAncestors.locationId,
      alias: 'descendant',
    }),
  },
  locationAncestors: {
    location: r.one.locations({
      from: r.locationAncestors.locationId,
      to: r.locations.id,
      optional: false,
      alias: 'descendant',
    }),
    ancestor: r.one.locations({
      from: r.locationAncestors.ancestorId,
      to: r.locations.id,
      optional: false,
    }),
  },
  locationSpeakerCounts: {
    location: r.one.locations({
      from: r.locationSpeakerCounts.locationId,
      to: r.locations.id,
      optional: false,
    }),
    source: r.one.sources({ from: r.locationSpeakerCounts.sourceId, to: r.sources.id }),
  },
  locationAliases: {
    location: r.one.locations({
      from: r.locationAliases.locationId,
      to: r.locations.id,
      optional: false,
    }),
  },
  relatedLinks: {
    article: r.one.articles({ from: r.relatedLinks.articleId, to: r.articles.id, optional: false }),
    targetArticle: r.one.articles({ from: r.relatedLinks.targetArticleId, to: r.articles.id }),
  },
}));
