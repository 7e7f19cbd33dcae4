import type { Gazetteer, Place } from '../geo/types.js';
import type { PlaceMentionDraft } from '../ingest/types.js';
import { placeAliasKey } from './names.js';

/** A place to write, with the chain of places containing it (nearest first). */
export interface PlaceToWrite {
  place: Place;
  ancestors: Place[];
}

/**
 * Resolves a mention to a gazetteer place (by key, or — when `resolveNames` — by name with its
 * kind and country as hints). A name the gazetteer does not know is kept as a local place
 * rather than dropped. The extraction pipeline has already resolved what it could, so it
 * passes `resolveNames: false`: re-resolving its keyless mentions by name would turn a Yemeni
 * district the gazetteer lacks into a same-spelled Italian town.
 */
export function placeForMention(
  mention: PlaceMentionDraft,
  gazetteer: Gazetteer,
  countryHints: string[],
  resolveNames = true,
): PlaceToWrite {
  const byKey = mention.placeKey ? gazetteer.get(mention.placeKey) : undefined;
  const place =
    byKey ??
    (resolveNames || mention.placeKey
      ? gazetteer.resolve(mention.name, {
          kindHint: mention.kind ?? undefined,
          countryHints: mention.countryCode ? [mention.countryCode, ...countryHints] : countryHints,
        })
      : null);
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
