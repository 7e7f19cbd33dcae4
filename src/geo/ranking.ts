import type { ParsedQuery } from './query.js';
import { looseForm } from './spelling-key.js';
import type { Place } from './types.js';

/**
 * Scoring weights. A match on the primary name beats one on an alternate name, which beats a
 * spelling-key match; a country hint outweighs all of those; population breaks the rest.
 */
const MATCH_PRIMARY = 12;
const MATCH_ALTERNATE = 8;
const MATCH_KEY_PRIMARY = 6;
const MATCH_KEY_ALTERNATE = 4;
const COUNTRY_HINT = 20;
const KIND_HINT = 15;
/** A region loses to its own seat of the same name unless REGION is asked for. */
const SEAT_PENALTY = 10;
const POPULATION_WEIGHT = 1.5;

const FEATURE_SCORE: Record<string, number> = {
  PCLI: 8,
  PPLC: 6,
  PPLA: 4,
  PPLA2: 2,
  PPLA3: 1,
  PPLA4: 1,
  ADM1: 1,
};

/** How the query's name met the place's names; one of the MATCH_* weights. */
export function matchScore(place: Place, query: ParsedQuery, primaryKey: string): number {
  if (looseForm(place.name) === query.loose) return MATCH_PRIMARY;
  if (place.alternateNames.some((n) => looseForm(n) === query.loose)) return MATCH_ALTERNATE;
  return query.keys.includes(primaryKey) ? MATCH_KEY_PRIMARY : MATCH_KEY_ALTERNATE;
}

/** Whether the match is on the place's own name, as opposed to an alternate or a spelling. */
export function isPrimaryMatch(score: number): boolean {
  return score === MATCH_PRIMARY;
}

/** Bonus for a place in one of the hinted countries; earlier hints weigh more. */
export function hintScore(place: Place, hints: string[]): number {
  const i = place.countryCode ? hints.indexOf(place.countryCode) : -1;
  return i < 0 ? 0 : Math.max(COUNTRY_HINT - 2 * i, COUNTRY_HINT / 2);
}

/** Everything except the match: hints, kind, feature code, population. */
export function placeScore(place: Place, query: ParsedQuery): number {
  const kind = query.kindHint && place.kind === query.kindHint ? KIND_HINT : 0;
  const feature = FEATURE_SCORE[place.featureCode ?? ''] ?? 0;
  const population = POPULATION_WEIGHT * Math.log10(place.population + 1);
  return hintScore(place, query.countryHints) + kind + feature + population;
}

/** Keys of regions whose seat is also a candidate: "Idlib" means the city, not the province. */
export function regionsWithSeatCandidate(places: Place[]): Set<string> {
  const seats = new Set<string>();
  for (const p of places) {
    if (p.kind === 'CITY' && p.parentKey && (p.featureCode === 'PPLA' || p.featureCode === 'PPLC')) {
      seats.add(p.parentKey);
    }
  }
  return seats;
}

/** The penalty a region takes when its seat competes and the query did not ask for a region. */
export function seatPenalty(place: Place, query: ParsedQuery, seats: Set<string>): number {
  return place.kind === 'REGION' && query.kindHint !== 'REGION' && seats.has(place.key) ? SEAT_PENALTY : 0;
}
