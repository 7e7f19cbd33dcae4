import { DEFAULT_CACHE_PATH, openOrBuildSync } from '../geo/gazetteer.js';
import type { Place } from '../geo/types.js';

/** Countries whose cities the synthetic news is mostly about; the busiest places come from here. */
export const HOT_COUNTRIES = ['SY', 'IQ', 'UA', 'LB', 'YE', 'PS', 'IL', 'TR', 'IR'];
/** Countries that are in the news too, less often. */
export const OTHER_COUNTRIES = ['RU', 'US', 'GB', 'FR', 'DE', 'EG', 'JO', 'SA'];

/**
 * Real cities of at least `minPopulation` people in the news countries, read from the built
 * gazetteer index (the same file `loadGazetteer()` uses), hot countries first, then by
 * population. About 6,500 places at 20k; reading them takes ~0.3 s.
 */
export function loadNewsCities(minPopulation = 20_000, cachePath = DEFAULT_CACHE_PATH): Place[] {
  const reader = openOrBuildSync(cachePath);
  const countries = new Set([...HOT_COUNTRIES, ...OTHER_COUNTRIES]);
  const cities: Place[] = [];
  for (let row = 0; row < reader.header.placeCount; row++) {
    const place = reader.place(row);
    if (
      place.kind === 'CITY' &&
      place.population >= minPopulation &&
      countries.has(place.countryCode ?? '')
    ) {
      cities.push(place);
    }
  }
  const hot = (p: Place) => (HOT_COUNTRIES.includes(p.countryCode ?? '') ? 0 : 1);
  return cities.sort((a, b) => hot(a) - hot(b) || b.population - a.population || a.key.localeCompare(b.key));
}
