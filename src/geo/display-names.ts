/**
 * English display names. GeoNames' main name is a transliteration ("Ar Raqqah", "Al Mayādīn");
 * English news writes the common form ("Raqqa", "Al-Mayadin"). Pure functions used at build time.
 */
import { spellingKey } from './spelling-key.js';

// Not "El", "Es", "En": Spanish and French names ("El Paso") use them too.
const ARABIC_ARTICLE = /^(Al|Ar|As|Ash|Ad|Adh|Az|Ez|Ath) (?=\p{Lu})/u;
const HAS_DIACRITIC = /[^\x00-\x7F]/;

/** Strips diacritics ("Équateur" -> "Equateur"); letters NFD cannot split stay as they are. */
export function withoutDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * A city's display name: the English name of the region it is the seat of when both share a
 * spelling ("Ar Raqqah" seat of "Raqqa" -> "Raqqa"); otherwise the ASCII form of its main
 * name, with a leading Arabic article joined by a hyphen as English news writes it
 * ("Al Mayādīn" -> "Al-Mayadin").
 */
export function cityDisplayName(name: string, asciiName: string, seatOfRegion: string | null): string {
  if (seatOfRegion && !HAS_DIACRITIC.test(seatOfRegion) && spellingKey(seatOfRegion) === spellingKey(name)) {
    return seatOfRegion;
  }
  const ascii =
    HAS_DIACRITIC.test(name) && asciiName && spellingKey(asciiName) === spellingKey(name) ? asciiName : name;
  return ascii.replace(ARABIC_ARTICLE, '$1-');
}

/** A region's display name: its name without diacritics. */
export function regionDisplayName(name: string): string {
  return withoutDiacritics(name);
}

/**
 * Short names hidden in a country's inverted official spellings: "Congo, the Democratic
 * Republic of the" and "Korea, Republic of" are also called "Congo" and "Korea" in news text.
 * Which country such a shared name means is left to ranking (population, document hints).
 */
export function invertedShortNames(spellings: string[]): string[] {
  return spellings
    .map((s) => /^([^,]+),\s+(?:the\s+)?[^,]*\b(?:Republic|State|States|Kingdom)\b[^,]*$/.exec(s)?.[1].trim())
    .filter((s): s is string => !!s);
}
