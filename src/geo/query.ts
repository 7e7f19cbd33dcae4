import { isPeopleWord } from './demonyms.js';
import { stripRegionWord } from './region-words.js';
import { looseForm, spellingKey } from './spelling-key.js';
import type { PlaceKind, PlaceLookupOptions } from './types.js';
import { COMMON_WORDS, COUNTRY_ABBREVIATIONS, PERSON_NAMES, STOPWORDS } from './word-lists.js';

/** Why a query needs more than a name match to count as a place. */
export type QueryGuard = 'common-word' | 'person-name';

/** A lookup string, read once: its forms, the kind it implies and what guards it. */
export interface ParsedQuery {
  /** Loose form of the name without a region word. */
  loose: string;
  /** Spelling keys to look up: the bare name, and the full name when a region word was cut. */
  keys: string[];
  kindHint?: PlaceKind;
  countryHints: string[];
  guard?: QueryGuard;
  /** Whether the input starts with an upper-case letter. */
  capitalised: boolean;
  /** Set when the input is a deliberate country abbreviation ("US", "U.K."). */
  abbreviationOf?: string;
}

/** An upper-case token of 2-4 letters, dots allowed: "IS", "U.S.", "UAE". */
const ABBREVIATION = /^(?:\p{Lu}\.?){2,4}$/u;

/** Reads an abbreviation: a country code for the deliberate ones, null for the rest. */
function parseAbbreviation(text: string): string | null {
  return COUNTRY_ABBREVIATIONS[text.replace(/\./g, '')] ?? null;
}

/**
 * Parses a lookup string, or returns null when it can never be a place: stopwords, demonyms,
 * peoples, and upper-case codes other than the few country abbreviations.
 */
export function parseQuery(name: string, options: PlaceLookupOptions = {}): ParsedQuery | null {
  const full = name.trim();
  const text = full.replace(/^the\s+/i, '');
  const countryHints = (options.countryHints ?? []).map((c) => c.toUpperCase());
  const capitalised = /^\p{Lu}/u.test(text);
  if (ABBREVIATION.test(text)) {
    const cc = parseAbbreviation(text);
    return cc ? { loose: looseForm(text), keys: [], countryHints, capitalised, abbreviationOf: cc } : null;
  }
  const { base, stripped } = stripRegionWord(text);
  const loose = looseForm(base);
  if (loose === '' || STOPWORDS.has(loose) || isPeopleWord(loose)) return null;
  const keys = [spellingKey(base)];
  if (stripped) keys.push(spellingKey(text));
  if (text !== full) keys.push(spellingKey(full));
  const kindHint = options.kindHint ?? (stripped ? 'REGION' : undefined);
  const guard = COMMON_WORDS.has(loose) ? 'common-word' : PERSON_NAMES.has(loose) ? 'person-name' : undefined;
  return { loose, keys: keys.filter((k) => k !== ''), kindHint, countryHints, guard, capitalised };
}
