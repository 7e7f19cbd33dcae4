import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cityDisplayName, invertedShortNames, regionDisplayName } from './display-names.js';
import { type PlaceRecord, serialiseIndex } from './index-format.js';
import { stripRegionWord } from './region-words.js';
import {
  type CountryRecord,
  type GeonamesRow,
  readAdmin1,
  readCountries,
  readGeonamesRows,
} from './sources.js';
import { looseForm, spellingKey } from './spelling-key.js';
import type { PlaceKind } from './types.js';
import { COMMON_WORDS, COUNTRY_ABBREVIATIONS, EXTRA_COUNTRY_NAMES } from './word-lists.js';

const LATIN_NAME = /^[\p{Script=Latin}\p{M}\p{N}\s'’‘ʼʻʿʾ`´.,()&/-]+$/u;
/** Codes such as airport ids ("DEZ") sit among GeoNames alternate names; they are not names. */
const CODE_LIKE = /^[A-Z0-9.]{1,4}$/;

/**
 * Whether a name is one a reader of English news may type: Latin script, not a code, and
 * capitalised somewhere; all-lower-case alternates are machine romanisations ("dyralzwr").
 */
function isUsableName(name: string): boolean {
  return (
    name.length > 1 &&
    name.length <= 80 &&
    LATIN_NAME.test(name) &&
    /\p{Lu}/u.test(name) &&
    !CODE_LIKE.test(name)
  );
}

/** Names deduplicated by loose form, primary names first. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const loose = looseForm(n);
    if (loose === '' || seen.has(loose)) return false;
    seen.add(loose);
    return true;
  });
}

/** The distinct spelling keys of a place's names; code-like names get none. */
function keysOf(names: string[]): string[] {
  const keys = new Set(names.filter((n) => !CODE_LIKE.test(n)).map(spellingKey));
  keys.delete('');
  return [...keys];
}

function kindOfFeature(code: string): PlaceKind {
  return code === 'PPLH' || code === 'PPLQ' || code === 'PPLW' ? 'OTHER' : 'CITY';
}

/** `seatOf` is the name of the region this city is the seat of, if any. */
function cityRecord(
  r: GeonamesRow,
  regions: Set<string>,
  countries: Set<string>,
  seatOf: string | null,
): PlaceRecord {
  const display = cityDisplayName(r.name, r.asciiName, seatOf === null ? null : stripRegionWord(seatOf).base);
  const names = uniqueNames([display, r.name, r.asciiName, ...r.alternateNames.filter(isUsableName)]);
  const a1 = `${r.countryCode}.${r.admin1}`;
  const parent = regions.has(a1) ? `a1:${a1}` : countries.has(r.countryCode) ? `cc:${r.countryCode}` : null;
  return {
    key: `gn:${r.geonameId}`,
    geonameId: r.geonameId,
    name: display,
    kind: kindOfFeature(r.featureCode),
    countryCode: r.countryCode || null,
    latitude: r.latitude,
    longitude: r.longitude,
    population: r.population,
    featureCode: r.featureCode,
    alternateNames: names.slice(1),
    parentKey: parent,
    spellingKeys: keysOf(names),
  };
}

interface RegionStats {
  population: number;
  seat: GeonamesRow | null;
  weightedLat: number;
  weightedLon: number;
  weight: number;
}

/** Population sums, population-weighted centroids and seats (largest PPLA/PPLC) per region. */
function regionStats(rows: GeonamesRow[]): Map<string, RegionStats> {
  const stats = new Map<string, RegionStats>();
  for (const r of rows) {
    const code = `${r.countryCode}.${r.admin1}`;
    let s = stats.get(code);
    if (!s) stats.set(code, (s = { population: 0, seat: null, weightedLat: 0, weightedLon: 0, weight: 0 }));
    const w = Math.max(r.population, 1);
    s.population += r.population;
    s.weightedLat += r.latitude * w;
    s.weightedLon += r.longitude * w;
    s.weight += w;
    const isSeat = r.featureCode === 'PPLA' || r.featureCode === 'PPLC';
    if (isSeat && (!s.seat || s.seat.population < r.population)) s.seat = r;
  }
  return stats;
}

/** A region inherits its seat's spellings when both share a name ("Deir ez-Zor"). */
function regionNames(name: string, seat: GeonamesRow | null): string[] {
  const base = stripRegionWord(name).base;
  const own = [name, base];
  if (!seat) return uniqueNames(own);
  const seatNames = [seat.name, seat.asciiName, ...seat.alternateNames.filter(isUsableName)];
  const shared = seatNames.some((n) => spellingKey(n) === spellingKey(base));
  return uniqueNames(shared ? [...own, ...seatNames] : own);
}

function regionRecord(
  code: string,
  name: string,
  s: RegionStats | undefined,
  countries: Set<string>,
): PlaceRecord {
  const cc = code.slice(0, code.indexOf('.'));
  const seat = s?.seat ?? null;
  const lat = seat ? seat.latitude : s && s.weight > 0 ? s.weightedLat / s.weight : null;
  const lon = seat ? seat.longitude : s && s.weight > 0 ? s.weightedLon / s.weight : null;
  const display = regionDisplayName(name);
  const names = uniqueNames([display, ...regionNames(name, seat)]);
  return {
    key: `a1:${code}`,
    geonameId: null,
    name: display,
    kind: 'REGION',
    countryCode: cc,
    latitude: lat,
    longitude: lon,
    population: s?.population ?? 0,
    featureCode: 'ADM1',
    alternateNames: names.slice(1),
    parentKey: countries.has(cc) ? `cc:${cc}` : null,
    spellingKeys: keysOf(names),
  };
}

/** Country names minus bare codes and common words ("Island" for Iceland), plus our extras. */
function countryNames(c: CountryRecord): string[] {
  const abbreviations = Object.keys(COUNTRY_ABBREVIATIONS).filter((a) => COUNTRY_ABBREVIATIONS[a] === c.cca2);
  const spellings = c.altSpellings.filter((s) => s.length > 2 && !COMMON_WORDS.has(looseForm(s)));
  return uniqueNames([
    c.name.common,
    c.name.official,
    ...spellings,
    ...(EXTRA_COUNTRY_NAMES[c.cca2] ?? []),
    ...invertedShortNames(c.altSpellings),
    ...abbreviations,
  ]);
}

function countryRecord(c: CountryRecord, population: number): PlaceRecord {
  const names = countryNames(c);
  const [lat, lon] = c.latlng.length === 2 ? c.latlng : [null, null];
  return {
    key: `cc:${c.cca2}`,
    geonameId: null,
    name: c.name.common,
    kind: 'COUNTRY',
    countryCode: c.cca2,
    latitude: lat,
    longitude: lon,
    population,
    featureCode: 'PCLI',
    alternateNames: names.slice(1),
    parentKey: null,
    spellingKeys: keysOf(names),
  };
}

/** Builds every place record from the installed GeoNames and world-countries data. */
export function buildPlaceRecords(): PlaceRecord[] {
  const rows = readGeonamesRows();
  const admin1 = readAdmin1();
  const countries = readCountries();
  const countryCodes = new Set(countries.map((c) => c.cca2));
  const regionCodes = new Set(admin1.map((a) => a.code));
  const stats = regionStats(rows);
  const seatNames = new Map<number, string>();
  for (const a of admin1) {
    const seat = stats.get(a.code)?.seat;
    if (seat) seatNames.set(seat.geonameId, a.name);
  }
  const countryPopulation = new Map<string, number>();
  for (const r of rows) {
    countryPopulation.set(r.countryCode, (countryPopulation.get(r.countryCode) ?? 0) + r.population);
  }
  return [
    ...countries.map((c) => countryRecord(c, countryPopulation.get(c.cca2) ?? 0)),
    ...admin1.map((a) => regionRecord(a.code, a.name, stats.get(a.code), countryCodes)),
    ...rows.map((r) => cityRecord(r, regionCodes, countryCodes, seatNames.get(r.geonameId) ?? null)),
  ];
}

/**
 * Builds the index and writes it to `path` atomically (temp file, then rename), so processes
 * racing to build never read a half-written cache. Returns the file's bytes.
 */
export function writeIndexCache(path: string): Buffer {
  const data = Buffer.from(serialiseIndex(buildPlaceRecords()), 'utf8');
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
  return data;
}
