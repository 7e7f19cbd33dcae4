/**
 * Words that look like place names to a gazetteer but rarely are in news text. Lower-case;
 * matched against the loose form of the whole query.
 */

/** Function words and reporting words: never a place, whatever the capitalisation. */
export const STOPWORDS = new Set(
  (
    'a an the of and or but if in on at by to for from with without into onto over under ' +
    'is it its as be been was were are am do does did has have had he she they we you i me ' +
    'him her them us our your their this that these those there here then than so not no ' +
    'yes all any some one two three said says say told according source sources report ' +
    'reports official officials state islamic government army forces group city town village ' +
    'province region governorate district country capital north south east west northern ' +
    'southern eastern western central mr mrs ms dr sir gen col lt sgt president minister ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'may june july august september october november december today yesterday tomorrow'
  ).split(' '),
);

/**
 * Ordinary English words that are also (sometimes large) places. They resolve only when the
 * input is capitalised and the place is big enough (see `COMMON_WORD_MIN_POPULATION`).
 */
export const COMMON_WORDS = new Set(
  (
    'reading best mobile man nice bath can will mark hope chance victory unity liberty ' +
    'independence justice union progress success paradise eden welcome joy peace bliss ' +
    'opportunity island lake river mountain valley bay beach harbour harbor port plain ' +
    'normal orange banana lime olive cotton bacon ham rice salt sugar pepper ginger honey ' +
    'date gray grey green brown black white red blue gold silver iron ' +
    'hero hollywood energy power enterprise commerce industry fortune rich poor ' +
    'friendship harmony concord providence trinity temple church mosque castle tower bridge ' +
    'university college school hospital market station airport camp base border front ' +
    'sale split wells hull deal rugby derby buffalo phoenix eagle mission'
  ).split(' '),
);

/** A capitalised common word resolves to a place at least this large... */
export const COMMON_WORD_MIN_POPULATION = 100_000;
/** ...and, without a matching country hint, only to one at least this large. */
export const COMMON_WORD_UNHINTED_MIN_POPULATION = 1_000_000;

/**
 * Given names and surnames frequent in news that are also villages. A lone token like these
 * is a person unless it names a country.
 */
export const PERSON_NAMES = new Set(
  (
    'mohammed muhammad mohammad mohamed ahmed ahmad ali hassan hasan hussein husain omar umar ' +
    'abdullah abdallah khalid khaled ibrahim mahmoud mahmud mustafa mostafa youssef yusuf ' +
    'salem salim said saeed karim kareem hamza tariq ismail osman othman abbas jamal nasser ' +
    'assad bashar maher hafez rami walid samir sami fadi ziad adnan abu umm bin ibn ' +
    'john james david michael robert william richard thomas charles joseph paul peter mary ' +
    'elizabeth anna maria jose juan carlos luis pedro george henry edward frank jack ' +
    'vladimir sergei dmitry igor ivan olga putin trump obama biden erdogan lavrov kerry ' +
    'tillerson mattis netanyahu khamenei rouhani baghdadi nusra'
  ).split(' '),
);

/**
 * Words after (or before) a name that mark a first-level region: "Raqqa Governorate",
 * "Province of Idlib". Stripped before lookup; they set the REGION kind hint.
 */
export const REGION_WORDS = new Set(
  (
    'province governorate oblast state region prefecture department krai kray voivodeship ' +
    'county canton emirate muhafazat wilayah wilaya'
  ).split(' '),
);

/**
 * Upper-case abbreviations that do name a country. Every other lone upper-case token of two
 * or three letters ("IS", "EU", "UN") is treated as an organisation or code, not a place.
 */
export const COUNTRY_ABBREVIATIONS: Record<string, string> = {
  US: 'US',
  USA: 'US',
  UK: 'GB',
  UAE: 'AE',
  DRC: 'CD',
  KSA: 'SA',
  PRC: 'CN',
  DPRK: 'KP',
};

/** Extra English names for countries, beyond world-countries' common/official/alt names. */
export const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America', 'the United States'],
  GB: ['U.K.', 'Britain', 'Great Britain'],
  TR: ['Turkey'],
  CZ: ['Czech Republic'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  MK: ['Macedonia'],
  NL: ['Holland'],
  CV: ['Cape Verde'],
  VA: ['Vatican'],
  PS: ['Palestinian Territories', 'Palestinian territories'],
  KP: ['North Korea'],
  KR: ['South Korea'],
  SY: ['Syrian Arab Republic'],
};
