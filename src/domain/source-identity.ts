import { isDemonym } from '../geo/demonyms.js';
import { spellingKey } from '../geo/spelling-key.js';
import type { SourceKind } from '../ingest/types.js';

/**
 * Bodies commonly named in more than one way, where no spelling rule can tell they are one.
 * General knowledge, not tied to any text: each row is the name we show, then its other names.
 */
const KNOWN_BODIES: string[][] = [
  [
    'Pentagon',
    'US Department of Defense',
    'Department of Defense',
    'Defense Department',
    'DoD',
    'US Defense Department',
  ],
  ['US State Department', 'State Department', 'Department of State', 'US Department of State'],
  ['White House', 'US presidency'],
  ['Kremlin', 'Russian presidency'],
  ['United Nations', 'UN'],
  ['European Union', 'EU'],
  ['NATO', 'North Atlantic Treaty Organization'],
];

/** Words that name what kind of outlet or body something is, not which one. */
const GENERIC_WORDS =
  /\b(tv|television|channel|news|agency|network|inc|ltd|llc|plc|corp|corporation|co)\b\.?/g;

const knownByKey = new Map<string, string>();
for (const [canonical, ...others] of KNOWN_BODIES)
  for (const name of [canonical, ...others]) knownByKey.set(bodyKey(name, false), canonical);

/** British and American spellings of the same word meet. */
function foldSpelling(text: string): string {
  return text
    .replace(/defence/g, 'defense')
    .replace(/organisation/g, 'organization')
    .replace(/programme/g, 'program');
}

/**
 * "Russia's Defence Ministry", "Russian Defense Ministry" and "Ministry of Defence of Russia"
 * all become "defense ministry RU" so they meet.
 */
function ministryForm(text: string): string {
  const ofCountry = /^ministry of ([a-z ]+?)(?: of (?:the )?([a-z ]+))?$/.exec(text);
  if (ofCountry) return `${ofCountry[1]} ministry ${countryOf(ofCountry[2] ?? '')}`.trim();
  const owned = /^([a-z]+)(?:'s)? ([a-z ]+ ministry)$/.exec(text);
  if (owned && countryOf(owned[1])) return `${owned[2]} ${countryOf(owned[1])}`;
  return text;
}

function countryOf(word: string): string {
  return isDemonym(word) ?? (word ? (isDemonym(`${word}n`) ?? isDemonym(`${word}ian`) ?? '') : '');
}

function bodyKey(name: string, lookupKnown = true): string {
  const plain = foldSpelling(
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[’`]/g, "'")
      .replace(/^the /, '')
      .replace(/\bu\.?s\.?\b/g, 'us'),
  );
  const withoutGeneric = plain.replace(GENERIC_WORDS, ' ').replace(/\s+/g, ' ').trim() || plain;
  const form = ministryForm(
    withoutGeneric
      .replace(/[^a-z0-9' ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const key = spellingKey(form);
  if (!lookupKnown) return key;
  const known = knownByKey.get(key);
  return known ? spellingKey(known.toLowerCase()) : key;
}

/** The name to show for a body known under several names ("US Department of Defense" -> "Pentagon"). */
export function canonicalBodyName(name: string): string | null {
  return knownByKey.get(bodyKey(name, false)) ?? null;
}

/** Every other name of a known body, to store as aliases so lookups by any of them work. */
export function knownAliases(name: string): string[] {
  const canonical = canonicalBodyName(name);
  return canonical ? (KNOWN_BODIES.find((row) => row[0] === canonical) ?? []) : [];
}

/** The identity a body with this name would have, for lookups by name. */
export function bodyLookupKey(name: string): string {
  return `body:${bodyKey(name)}`;
}

/**
 * Identity of a speaker across articles:
 * - anonymous speakers are scoped to their article ("a military source" in two stories need
 *   not be the same person);
 * - people match on their full name as written, never on a shared surname alone;
 * - bodies match on a loose key that survives transliteration ("Al-Arabyia TV" ~ "Al Arabiya"),
 *   British/American spelling and word order of ministries, and known other names.
 */
export function sourceIdentity(
  name: string,
  kind: SourceKind,
  articleUrl: string,
  nameKey: (n: string) => string,
): string {
  if (kind === 'ANONYMOUS') return `anon:${articleUrl}#${nameKey(name)}`;
  if (kind === 'PERSON' || kind === 'GROUP') return nameKey(name);
  return bodyLookupKey(name);
}
