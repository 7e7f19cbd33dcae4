import type { Gazetteer, Place } from '../geo/types.js';
import type { PlaceMentionDraft } from '../ingest/types.js';
import { placeAliasKey } from './names.js';

/** A place to write, with the chain of places containing it (nearest first). */
export interface PlaceToWrite {
  place: Place;
  ancestors: Place[];
}

/**
 * Resolves a mention to a gazetteer place (by key, or by name with its kind and country as
 * hints). A name the gazetteer does not know is kept as a local place rather than dropped.
 */
export function placeForMention(
  mention: PlaceMentionDraft,
  gazetteer: Gazetteer,
  countryHints: string[],
): PlaceToWrite {
  const byKey = mention.placeKey ? gazetteer.get(mention.placeKey) : undefined;
  const place =
    byKey ??
    gazetteer.resolve(mention.name, {
      kindHint: mention.kind ?? undefined,
      countryHints: mention.countryCode ? [mention.countryCode, ...countryHints] : countryHints,
    });
  if (place) return { place, ancestors: gazetteer.ancestors(place) };
  const country = mention.countryCode ? gazetteer.get(`cc:${mention.countryCode}`) : undefined;
  return {
    place: {
      key: `x:${placeAliasKey(mention.name)}`,
      geonameId: null,
      name: mention.name,
      kind: mention.kind ?? 'OTHER',
      countryCode: mention.countryCode ?? null,
      latitude: null,
      longitude: null,
      population: 0,
      alternateNames: [],
      parentKey: country?.key ?? null,
    },
    ancestors: country ? [country] : [],
  };
}
