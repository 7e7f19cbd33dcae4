import { readCountries } from './sources.js';
import { looseForm } from './spelling-key.js';

/** Demonyms world-countries lacks or spells differently from news usage. */
const EXTRA_DEMONYMS: Record<string, string> = {
  american: 'US',
  british: 'GB',
  brit: 'GB',
  english: 'GB',
  scottish: 'GB',
  welsh: 'GB',
  emirati: 'AE',
  saudi: 'SA',
  turkish: 'TR',
  iranian: 'IR',
  iraqi: 'IQ',
  syrian: 'SY',
  russian: 'RU',
  ukrainian: 'UA',
  israeli: 'IL',
  palestinian: 'PS',
  lebanese: 'LB',
  jordanian: 'JO',
  egyptian: 'EG',
  libyan: 'LY',
  yemeni: 'YE',
  afghan: 'AF',
  filipino: 'PH',
  dutch: 'NL',
  swiss: 'CH',
  chinese: 'CN',
  french: 'FR',
  german: 'DE',
};

/**
 * Words for peoples and blocs that belong to no single country; never places, never hints.
 */
const PEOPLE_WORDS = new Set(
  (
    'arab arabs arabic kurd kurds kurdish persian european europeans african africans asian ' +
    'asians western westerners sunni sunnis shia shiite shiites alawite alawites druze ' +
    'yazidi yazidis jihadist jihadists islamist islamists turkmen'
  ).split(' '),
);

let demonyms: Map<string, string> | null = null;

/** Builds the demonym table once, independent countries first so they win collisions. */
function table(): Map<string, string> {
  if (demonyms) return demonyms;
  const map = new Map<string, string>();
  const countries = readCountries().sort((a, b) => Number(!!b.independent) - Number(!!a.independent));
  // world-countries gives "Djibouti" and "Gibraltar" as their own demonyms: names win.
  const names = new Set(countries.map((c) => looseForm(c.name.common)));
  const add = (word: string, cc: string) => {
    const loose = looseForm(word);
    if (loose === '' || map.has(loose) || names.has(loose)) return;
    map.set(loose, cc);
    if (!loose.endsWith('s')) map.set(`${loose}s`, cc);
  };
  for (const [word, cc] of Object.entries(EXTRA_DEMONYMS)) add(word, cc);
  for (const c of countries) {
    const eng = c.demonyms?.eng;
    if (eng) for (const word of [eng.m, eng.f]) add(word, c.cca2);
  }
  demonyms = map;
  return map;
}

/**
 * The ISO alpha-2 code of the country a demonym names ("Syrian", "Syrians" -> "SY"), or null.
 * A demonym is never a place itself, but it hints at the country a text is about.
 */
export function isDemonym(word: string): string | null {
  return table().get(looseForm(word)) ?? null;
}

/** Whether a word names a people or bloc ("Kurdish", "Arab", "Western"): never a place. */
export function isPeopleWord(word: string): boolean {
  const loose = looseForm(word);
  return PEOPLE_WORDS.has(loose) || table().has(loose);
}
