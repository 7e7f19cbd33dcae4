/** Kinds of place the graph distinguishes; GeoNames feature codes map onto these. */
export type PlaceKind = 'CITY' | 'REGION' | 'COUNTRY' | 'OTHER';

/**
 * One gazetteer entry. `key` is stable across builds: `gn:<geonameId>` for populated places,
 * `a1:<CC>.<admin1>` for first-level regions, `cc:<CC>` for countries.
 */
export interface Place {
  key: string;
  geonameId: number | null;
  name: string;
  kind: PlaceKind;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number;
  /** Names a person may type for this place (English and transliterations), deduplicated. */
  alternateNames: string[];
  /** Key of the containing place (city -> region -> country), null for countries. */
  parentKey: string | null;
  /** GeoNames feature code (PPLC, PPLA, PPL...); `ADM1` for regions, `PCLI` for countries. */
  featureCode?: string;
}

export interface PlaceLookupOptions {
  /** Countries (ISO alpha-2) the surrounding text is about, most likely first. */
  countryHints?: string[];
  /** Preferred kind, e.g. REGION after "Province"/"Governorate". */
  kindHint?: PlaceKind;
}

/** Offline place index built from GeoNames data. Pure: no I/O after it is loaded. */
export interface Gazetteer {
  /** Candidates whose names share the spelling key of `name`, best first. */
  candidates(name: string, options?: PlaceLookupOptions): Place[];
  /** The best candidate, or null when the name is not a place (or too ambiguous to pick). */
  resolve(name: string, options?: PlaceLookupOptions): Place | null;
  get(key: string): Place | undefined;
  /** Containing places, nearest first (region, then country). */
  ancestors(place: Place): Place[];
}
