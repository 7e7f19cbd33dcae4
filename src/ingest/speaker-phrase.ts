import {
  ANONYMOUS_HEADS,
  DETERMINERS,
  GOVERNMENT_WORDS,
  GROUP_HEADS,
  MEDIA_NAMES,
  MEDIA_WORDS,
  MILITARY_WORDS,
  ORG_WORDS,
  PRONOUNS,
  STOP,
  TITLE_ABBREVIATIONS,
  TITLE_WORDS,
} from './lexicon.js';
import type { SourceKind } from './types.js';

/** What a speaker phrase says about its speaker, before coreference. */
export interface ParsedSpeaker {
  text: string;
  name: string;
  kind: SourceKind;
  affiliation: string | null;
  /** Normalised pronoun (he, she, it, they) when the phrase is one. */
  pronoun: string | null;
  /** "the official", "those sources": a description that points back to a speaker. */
  definite: boolean;
  /** Lower-case head noun ("official", "coach", "ministry"). */
  head: string;
  /** Lower-case role words ("energy", "minister") for matching descriptions to named people. */
  roleWords: string[];
  personName: boolean;
  /** Parenthesised acronym given with the name: "(NHC)". */
  acronym: string | null;
}

/** Country and demonym checks injected from the gazetteer side. */
export interface NameTests {
  isCountry(word: string): boolean;
  isDemonym(word: string): boolean;
}

const POSSESSIVE = /['’]s?$/;
const isCap = (w: string) =>
  /^\p{Lu}/u.test(w) || /^(?:al|el|ad|ar|as|ash|az|ez|an|at|bin|ibn|de|van|von)-\p{Lu}/u.test(w);
const PRONOUN_NORMAL: Record<string, string> = {
  he: 'he',
  him: 'he',
  she: 'she',
  her: 'she',
  it: 'it',
  they: 'they',
  them: 'they',
  we: 'they',
  i: 'he',
};

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Parses a speaker phrase: pronoun, person with titles, named body, or unnamed description. */
export function parseSpeaker(raw: string, tests: NameTests): ParsedSpeaker {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (ANONYMOUS_HEADS.has(lower) || GROUP_HEADS.has(lower)) {
    // A bare common noun ("Civilians" at the start of a sentence) is named in lower case.
    return base(text, lower, GROUP_HEADS.has(lower) ? 'GROUP' : 'ANONYMOUS', {
      head: lower,
      roleWords: [lower],
    });
  }
  if (PRONOUNS.has(lower)) {
    const pronoun = PRONOUN_NORMAL[lower];
    const kind: SourceKind = pronoun === 'it' ? 'ORGANIZATION' : pronoun === 'they' ? 'GROUP' : 'PERSON';
    return base(text, text, kind, { pronoun, head: lower });
  }
  const via =
    /^(?:(?:the\s+)?reports?\s+(?:carried\s+)?(?:by|from|in|on)|a\s+statement\s+(?:from|by))\s+(.+)$/i.exec(
      text,
    );
  if (via) return { ...parseSpeaker(via[1], tests), text };
  let ws = words(text.replace(/\s*\(([^)]*)\)\s*/g, ' '))
    .map((w) => TITLE_ABBREVIATIONS[w] ?? w)
    .join(' ')
    .split(' ');
  const acronym = /\((\p{Lu}{2,8})\)/u.exec(text)?.[1] ?? null;
  const det = ws.length > 1 && DETERMINERS.has(ws[0].toLowerCase()) ? ws[0].toLowerCase() : null;
  if (det) ws = ws.slice(1);
  const person = personSplit(ws, tests);
  if (person)
    return {
      ...base(text, person.name, 'PERSON', { personName: true }),
      affiliation: person.affiliation,
      roleWords: person.roleWords,
      head: person.roleWords.at(-1) ?? '',
      acronym,
    };
  return describe(text, ws, det, acronym, tests);
}

function base(
  text: string,
  name: string,
  kind: SourceKind,
  extra: Partial<ParsedSpeaker> = {},
): ParsedSpeaker {
  return {
    text,
    name,
    kind,
    affiliation: null,
    pronoun: null,
    definite: false,
    head: '',
    roleWords: [],
    personName: false,
    acronym: null,
    ...extra,
  };
}

/** Splits "[affiliation] [title words] Firstname Lastname" when the phrase ends with a personal name. */
function personSplit(
  ws: string[],
  tests: NameTests,
): { name: string; affiliation: string | null; roleWords: string[] } | null {
  let i = ws.length;
  while (
    i > 0 &&
    isCap(ws[i - 1]) &&
    !TITLE_WORDS.has(ws[i - 1].toLowerCase()) &&
    !POSSESSIVE.test(ws[i - 1])
  )
    i--;
  const nameWords = ws.slice(i);
  if (nameWords.length === 0 || nameWords.length > 4) return null;
  const lowerName = nameWords.map((w) => w.toLowerCase().replace(/[.,]$/, ''));
  if (
    lowerName.some(
      (w) =>
        ORG_WORDS.has(w) ||
        GOVERNMENT_WORDS.has(w) ||
        MILITARY_WORDS.has(w) ||
        MEDIA_NAMES.has(w) ||
        MEDIA_WORDS.has(w),
    )
  )
    return null;
  if (nameWords.every((w) => /^\p{Lu}+$/u.test(w))) return null;
  const before = ws.slice(0, i);
  const prev = before[before.length - 1] ?? '';
  const titled =
    TITLE_WORDS.has(prev.toLowerCase()) ||
    POSSESSIVE.test(prev) ||
    (/^\p{Ll}/u.test(prev) && !STOP.has(prev));
  if (before.length > 0 && !titled) return null;
  if (
    before.length === 0 &&
    nameWords.length === 1 &&
    (tests.isCountry(nameWords[0]) || tests.isDemonym(nameWords[0]))
  )
    return null;
  const roleWords = before
    .filter((w) => /^\p{L}/u.test(w) && !POSSESSIVE.test(w) && !tests.isDemonym(w))
    .map((w) => w.toLowerCase());
  const affiliationWords = before.filter(
    (w) => isCap(w) && !TITLE_WORDS.has(w.toLowerCase()) && !tests.isDemonym(w),
  );
  return {
    name: nameWords.join(' '),
    affiliation: affiliationWords.join(' ').replace(POSSESSIVE, '') || null,
    roleWords,
  };
}

function describe(
  text: string,
  all: string[],
  det: string | null,
  acronym: string | null,
  tests: NameTests,
): ParsedSpeaker {
  let ws = all.length > 1 && POSSESSIVE.test(all[0]) && isCap(all[0]) ? all.slice(1) : all;
  const tail = trailingName(ws);
  if (tail) ws = tail;
  const cut = ws.findIndex((w, i) => i > 0 && /^(?:of|for)$/i.test(w));
  const core = cut > 0 ? ws.slice(0, cut) : ws;
  const head = (core[core.length - 1] ?? '').toLowerCase().replace(POSSESSIVE, '');
  const lowerAll = ws.map((w) => w.toLowerCase().replace(POSSESSIVE, ''));
  const hasProper = core.some(
    (w, i) =>
      isCap(w) &&
      !(
        i === 0 &&
        det === null &&
        !/^\p{Lu}{2,}/u.test(w) &&
        core.length > 1 &&
        /^\p{Ll}/u.test(core[1] ?? '')
      ) &&
      !tests.isDemonym(w),
  );
  const headWord = (core[core.length - 1] ?? '').replace(POSSESSIVE, '');
  const definite =
    det !== null &&
    ['the', 'those', 'these', 'this', 'that'].includes(det) &&
    (!hasProper || /^\p{Ll}/u.test(headWord));
  const kind = kindOf(head, lowerAll, ws, tests);
  const name = ws.join(' ');
  const roleWords = ws
    .filter((w) => !tests.isDemonym(w) && !POSSESSIVE.test(w) && !STOP.has(w.toLowerCase()))
    .map((w) => w.toLowerCase());
  const affiliation =
    kind === 'ANONYMOUS' && cut > 0
      ? ws
          .slice(cut + 1)
          .join(' ')
          .replace(/^the\s+/i, '')
      : null;
  return { ...base(text, name, kind, { definite, head, roleWords, acronym }), affiliation };
}

/** "news agency ISNA" → ["ISNA"]: a name in apposition after lower-case role words. */
function trailingName(ws: string[]): string[] | null {
  let i = ws.length;
  while (i > 0 && isCap(ws[i - 1])) i--;
  if (i === 0 || i === ws.length || !/^\p{Ll}/u.test(ws[i - 1]) || STOP.has(ws[i - 1])) return null;
  return ws.slice(i);
}

/** Kind of an unnamed or corporate speaker from its head noun and key words. */
function kindOf(head: string, lowerAll: string[], ws: string[], tests: NameTests): SourceKind {
  const has = (s: Set<string>) => lowerAll.some((w) => s.has(w));
  if (ANONYMOUS_HEADS.has(head)) return 'ANONYMOUS';
  if (GROUP_HEADS.has(head)) return 'GROUP';
  if (has(MEDIA_NAMES) || (lowerAll.includes('news') && lowerAll.includes('agency')) || MEDIA_WORDS.has(head))
    return 'MEDIA';
  if (has(MILITARY_WORDS)) return 'MILITARY';
  if (has(GOVERNMENT_WORDS) || /^(?:national|federal|u\.s\.|us|state|royal)$/.test(lowerAll[0] ?? ''))
    return 'GOVERNMENT';
  if (ws.length === 1 && tests.isCountry(ws[0])) return 'GOVERNMENT';
  if (ws.length === 1 && /^\p{Lu}/u.test(ws[0]) && !/^\p{Lu}{2,}/u.test(ws[0])) return 'PERSON';
  if (/^\p{Ll}/u.test(head) && head.endsWith('s') && !lowerAll.some((w) => /^\p{Lu}/u.test(w)))
    return 'GROUP';
  return 'ORGANIZATION';
}
