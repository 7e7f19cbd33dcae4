import {
  AUX,
  DETERMINERS,
  PREPOSITIONS,
  STOP,
  SUBORDINATORS,
  TIME_WORDS,
  VERB_FORMS,
  VERBISH,
} from './lexicon.js';
import type { Token } from './segment.js';

/** Token index range, end exclusive. */
export interface Range {
  s: number;
  e: number;
}

const OPEN_QUOTES = new Set(['“', '«', '‘']);
const CLOSE_QUOTES = new Set(['”', '»', "''"]);
const BOUNDARY = new Set([',', ';', ':', '—', '–', '-', '(', ')', '[', ']', '|']);

export const low = (t: Token[], i: number) => (t[i]?.text ?? '').toLowerCase();
export const isCapWord = (w: string) => /^\p{Lu}/u.test(w) || /^(?:al|el|ad|ar|as|ash|az|ez)-\p{Lu}/u.test(w);
export const isQuoteMark = (w: string) => OPEN_QUOTES.has(w) || CLOSE_QUOTES.has(w) || w === '"' || w === '’';

/** Marks tokens that sit inside a quotation (the marks themselves excluded). */
export function quoteMask(t: Token[]): boolean[] {
  const mask = t.map(() => false);
  let open = false;
  let single = false;
  t.forEach((tok, i) => {
    const w = tok.text;
    if (w === '‘' && !open) {
      open = true;
      single = true;
      return;
    }
    if (single && w === '’') {
      open = false;
      single = false;
      return;
    }
    if (OPEN_QUOTES.has(w) && w !== '‘') {
      open = true;
      return;
    }
    if (CLOSE_QUOTES.has(w)) {
      open = false;
      return;
    }
    if (w === '"') {
      open = !open;
      return;
    }
    mask[i] = open;
  });
  return mask;
}

/** True for tokens that end a clause segment: commas, dashes, brackets, quote marks. */
export function isBoundary(t: Token[], i: number): boolean {
  const w = t[i].text;
  if (w === '’' || w === "'")
    return singleQuoteOpenBefore(t, i) || (t[i + 1]?.start === t[i].end && t[i - 1]?.end !== t[i].start);
  return BOUNDARY.has(w) || isQuoteMark(w);
}

/** A plural possessive ("visitors’ coach") is not a quote mark unless a single quote was opened. */
function singleQuoteOpenBefore(t: Token[], i: number): boolean {
  for (let k = 0; k < i; k++) {
    const w = t[k].text;
    if (
      w === '‘' ||
      ((w === "'" || w === '’') && t[k + 1]?.start === t[k].end && t[k - 1]?.end !== t[k].start)
    )
      return true;
  }
  return false;
}

/** Segments of [from, to) split at boundary tokens. */
export function segments(t: Token[], from: number, to: number): Range[] {
  const out: Range[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || isBoundary(t, i)) {
      if (i > s) out.push({ s, e: i });
      s = i + 1;
    }
  }
  return out;
}

/** Walks back over auxiliaries and adverbs ("has also said") from just before index v. */
export function skipAux(t: Token[], v: number): number {
  let j = v - 1;
  while (j >= 0 && (AUX.has(low(t, j)) || /^\p{Ll}+ly$/u.test(t[j].text))) j--;
  return j;
}

/** A segment that only sets the scene: "On Sunday", "Separately", "As officers were…". */
export function isAdverbial(t: Token[], whole: Range): boolean {
  const r = stripLeading(t, whole);
  if (r.s >= r.e) return true;
  const first = low(t, r.s);
  if (
    r.e - r.s === 1 &&
    /ly$|^(?:earlier|later|meanwhile|however|also|separately|yesterday|today)$/.test(first)
  )
    return true;
  return PREPOSITIONS.has(first) || SUBORDINATORS.has(first);
}

/** Drops leading conjunctions and time phrases without a comma: "and", "On Monday", "In 2016". */
export function stripLeading(t: Token[], r: Range): Range {
  let s = r.s;
  for (;;) {
    const w = low(t, s);
    if (/^(?:and|but|so|then|also|while|though)$/.test(w)) {
      s++;
      continue;
    }
    if (/^(?:on|in|at|by|last|this|earlier|later)$/.test(w) && s + 1 < r.e && isTimeWord(low(t, s + 1))) {
      s += 2;
      while (s < r.e && isTimeWord(low(t, s))) s++;
      continue;
    }
    return { s, e: r.e };
  }
}

function isTimeWord(w: string): boolean {
  return TIME_WORDS.has(w) || /^\d/.test(w) || w === 'this' || w === 'last';
}

/** Cuts a subject before relative clauses, participles and locative phrases. */
export function trimSubject(t: Token[], r: Range): Range {
  for (let i = r.s + 1; i < r.e; i++) {
    const w = low(t, i);
    if (/^(?:who|which|that|whose|where)$/.test(w)) return { s: r.s, e: i };
    if (/^\p{Ll}+ing$/u.test(t[i].text) && w !== 'during') return { s: r.s, e: i };
    const inName = isCapWord(t[i - 1].text) && isCapWord(t[i + 1]?.text ?? '');
    if (/^(?:in|at|on|from|during|with|near)$/.test(w) && !inName) return { s: r.s, e: i };
  }
  return r;
}

/** Could these tokens be the subject of a reporting verb? */
export function validSubject(t: Token[], r: Range): boolean {
  const n = r.e - r.s;
  if (n < 1 || n > 14) return false;
  for (let i = r.s; i < r.e; i++) {
    const w = low(t, i);
    if (
      VERBISH.has(w) ||
      (isQuoteMark(t[i].text) && isBoundary(t, i)) ||
      (/^\p{Ll}+ed$/u.test(t[i].text) && i > r.s && !/^(?:alleged|unnamed|armed|united|based)$/.test(w))
    )
      return false;
  }
  const last = low(t, r.e - 1);
  const first = low(t, r.s);
  if (/^(?:neither|no|nobody|none|nothing|there)$/.test(first)) return false;
  for (let i = r.s; i < r.e; i++)
    if (VERB_FORMS.has(low(t, i)) && !/^(?:report|reports|state|states)$/.test(low(t, i))) return false;
  if (STOP.has(last) && !/^(?:he|she|it|they|we|i|him|them)$/.test(last)) return false;
  if (/^\d/.test(last) || /ly$/.test(last) || PREPOSITIONS.has(first) || SUBORDINATORS.has(first))
    return false;
  return /[\p{L}]/u.test(t[r.e - 1].text);
}

/** A noun phrase starting at i (after an inverted verb or "according to"), up to a boundary. */
export function phraseAfter(t: Token[], i: number, end: number): Range | null {
  let e = i;
  while (
    e < end &&
    !isBoundary(t, e) &&
    t[e].text !== '.' &&
    !/^(?:who|which|that|on|in|at|during|after|as|when|while|through|about|to|because|since|before)$/.test(
      low(t, e),
    )
  )
    e++;
  if (e === i) return null;
  const first = t[i].text;
  const named = t.slice(i, e).some((x) => isCapWord(x.text));
  const ok =
    isCapWord(first) ||
    DETERMINERS.has(first.toLowerCase()) ||
    /^\p{Ll}+s$/u.test(first) ||
    /^(?:him|her|them|he|she|they|it)$/.test(first) ||
    (named && /^\p{Ll}/u.test(first));
  return ok ? { s: i, e } : null;
}

/** The noun phrase that ends a segment: "A Reuters reporter spoke with Syrian fighters" → "Syrian fighters". */
export function trailingPhrase(t: Token[], r: Range): Range | null {
  let s = r.e;
  while (s > r.s && !STOP.has(low(t, s - 1))) s--;
  return s < r.e ? { s, e: r.e } : null;
}
