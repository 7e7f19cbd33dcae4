import type { IndexReader } from './index-reader.js';
import { type ParsedQuery, parseQuery } from './query.js';
import {
  hintScore,
  isPrimaryMatch,
  matchScore,
  placeScore,
  regionsWithSeatCandidate,
  seatPenalty,
} from './ranking.js';
import { spellingKey } from './spelling-key.js';
import type { Gazetteer, Place, PlaceLookupOptions } from './types.js';
import { COMMON_WORD_MIN_POPULATION, COMMON_WORD_UNHINTED_MIN_POPULATION } from './word-lists.js';

/** Without a country hint, a place found only through an alternate name or spelling must be
 * at least this large: otherwise any surname or word matches some hamlet's alias. */
const UNHINTED_ALIAS_MIN_POPULATION = 5_000;

interface Scored {
  place: Place;
  match: number;
  score: number;
}

/** Materialised places kept per instance; cleared when it grows past this. */
const PLACE_CACHE_LIMIT = 20_000;

/** The gazetteer over a loaded cache file. Pure: no I/O. */
export class PlaceIndex implements Gazetteer {
  private readonly places = new Map<number, Place>();

  constructor(private readonly reader: IndexReader) {}

  private place(row: number): Place {
    let p = this.places.get(row);
    if (p) return p;
    if (this.places.size >= PLACE_CACHE_LIMIT) this.places.clear();
    p = this.reader.place(row);
    this.places.set(row, p);
    return p;
  }

  private lookup(keys: string[]): Place[] {
    const rows = new Set(keys.flatMap((key) => this.reader.rowsForKey(key)));
    return [...rows].map((row) => this.place(row));
  }

  private scored(query: ParsedQuery): Scored[] {
    const places = this.lookup(query.keys);
    const seats = regionsWithSeatCandidate(places);
    return places
      .map((place) => {
        const match = matchScore(place, query, spellingKey(place.name));
        return { place, match, score: match + placeScore(place, query) - seatPenalty(place, query, seats) };
      })
      .sort((a, b) => b.score - a.score || b.place.population - a.place.population);
  }

  /** Candidates whose names share the spelling key of `name`, best first. */
  candidates(name: string, options?: PlaceLookupOptions): Place[] {
    const query = parseQuery(name, options);
    if (!query) return [];
    if (query.abbreviationOf) return [this.get(`cc:${query.abbreviationOf}`)].filter((p) => p !== undefined);
    return this.scored(query).map((s) => s.place);
  }

  /**
   * The best candidate, or null when the name is not a place: see `acceptable` for the rules
   * on common words, person names and small places known only by an alias.
   */
  resolve(name: string, options?: PlaceLookupOptions): Place | null {
    const query = parseQuery(name, options);
    if (!query) return null;
    if (query.abbreviationOf) return this.get(`cc:${query.abbreviationOf}`) ?? null;
    const best = this.scored(query)[0];
    return best && acceptable(best, query) ? best.place : null;
  }

  /** The place with this key (`gn:`, `a1:` or `cc:`), if any. */
  get(key: string): Place | undefined {
    const row = this.reader.placeRow(key);
    return row < 0 ? undefined : this.place(row);
  }

  /** Containing places, nearest first (region, then country). */
  ancestors(place: Place): Place[] {
    const chain: Place[] = [];
    let parent = place.parentKey ? this.get(place.parentKey) : undefined;
    while (parent && chain.length < 4) {
      chain.push(parent);
      parent = parent.parentKey ? this.get(parent.parentKey) : undefined;
    }
    return chain;
  }

  /** Number of places in the index. */
  get size(): number {
    return this.reader.header.placeCount;
  }
}

/**
 * Whether the best candidate is good enough to resolve to:
 * - a common English word ("Reading", "Nice") only when capitalised, for a place of at least
 *   100k people, and either in a hinted country or of at least 1M;
 * - a frequent person name ("Hassan") only when it names a country;
 * - without a country hint, a place matched only by alias or spelling needs 5k people.
 */
function acceptable(best: Scored, query: ParsedQuery): boolean {
  const { place } = best;
  const hinted = hintScore(place, query.countryHints) > 0;
  if (query.guard === 'common-word') {
    const floor = hinted ? COMMON_WORD_MIN_POPULATION : COMMON_WORD_UNHINTED_MIN_POPULATION;
    return query.capitalised && place.population >= floor;
  }
  if (query.guard === 'person-name') return place.kind === 'COUNTRY';
  if (hinted || isPrimaryMatch(best.match) || place.kind === 'COUNTRY') return true;
  return place.population >= UNHINTED_ALIAS_MIN_POPULATION;
}
