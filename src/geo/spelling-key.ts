/**
 * Spelling normalisation shared by the index builder and the lookups: two spellings of one
 * place name ("Deir ez-Zor", "Dayr az Zawr") should reduce to the same key.
 */

/** Arabic article forms that transliterations write as a separate word ("al-Zor", "ez Zor"). */
const ARTICLES = new Set([
  'al',
  'el',
  'ar',
  'as',
  'ash',
  'ad',
  'adh',
  'ez',
  'az',
  'an',
  'at',
  'ath',
  'ed',
  'es',
  'er',
  'en',
  'et',
  'ul',
]);

/** Abbreviations that otherwise split one name into two keys. */
const WORD_ALIASES: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

/** Letters NFD does not decompose. */
const SPECIAL_LETTERS: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
};

const APOSTROPHES = /['’‘ʼʻʿʾ`´]/g;

/**
 * Lower-cases, strips diacritics and apostrophes and turns every other non-alphanumeric run
 * into one space: "Sant Julià de Lòria" -> "sant julia de loria". Used to tell an exact
 * name match from a mere spelling-key match.
 */
export function looseForm(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłøæœßđðþħŧ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Drops articles, and the sun-letter assimilated article glued to a later word ("Ezzor"). */
function dropArticles(words: string[]): string[] {
  const kept = words
    .map((w) => WORD_ALIASES[w] ?? w)
    .filter((w, i) => !(ARTICLES.has(w) && i < words.length - 1))
    .map((w, i) => (i > 0 && w.length >= 5 ? w.replace(/^[ae]([tdrzsn])\1/, '$1') : w));
  return kept.length > 0 ? kept : words;
}

/** Folds the vowel and consonant spellings that transliterations of one name disagree on. */
function foldSounds(s: string): string {
  return s
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/dj/g, 'j')
    .replace(/y/g, 'i')
    .replace(/ee/g, 'i')
    .replace(/ou|oo/g, 'u')
    .replace(/aw(?![aeiou])/g, 'u')
    .replace(/o/g, 'u')
    .replace(/ei/g, 'ai')
    .replace(/(.)\1+/g, '$1')
    .replace(/[ae]h$/, 'a');
}

/**
 * The spelling key of a place name: "Raqa", "Raqqa" and "Ar-Raqqah" share one key, as do
 * "Deir ez-Zor", "Deir al-Zor", "Deir Ezzor" and "Dayr az Zawr". Empty for names with no
 * Latin letters or digits.
 */
export function spellingKey(name: string): string {
  const loose = looseForm(name);
  if (loose === '') return '';
  return foldSounds(dropArticles(loose.split(' ')).join(''));
}
