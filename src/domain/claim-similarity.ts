/**
 * Lexical, number-aware comparison of two claims: do they say the same thing (corroborate),
 * say incompatible things about the same matter (contradict), or talk past each other?
 * Pure and deterministic; the README's "Corroboration" section explains the method.
 */

export type ClaimVerdict = 'CORROBORATES' | 'CONTRADICTS' | 'UNRELATED';

export interface ClaimComparison {
  verdict: ClaimVerdict;
  /** Jaccard overlap of the two claims' content lemmas, 0..1. */
  overlap: number;
  /** Content lemmas both claims use, alphabetically. */
  sharedTerms: string[];
  /** Why the verdict: "same number 400 militant", "different numbers for strike: 12 vs 30", "negation mismatch". */
  reasons: string[];
}

/** Below this overlap two claims are about different things, whatever their numbers say. */
export const MIN_OVERLAP = 0.2;
/** Agreement needs more shared content than disagreement, which has an explicit signal. */
export const MIN_CORROBORATION_OVERLAP = 0.3;

const STOPWORDS = new Set(
  `a an the and or but if of in on at to for from by with as into onto over under about than then that this these those
  it its it's is are was were be been being has have had do does did will would shall should can could may might must
  he she they we you i him her them us his their our your my me who whom which what when where while also there here
  so such very more most some any each all both other another said say says saying told tell tells stated state states
  claimed claim claims added add adds according reported report reports asserted assert insisted statement
  yesterday today last late early day days week weeks month months year years just only still even now out up`
    .split(/\s+/)
    .filter(Boolean),
);

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'deny',
  'denied',
  'denies',
  'false',
  'untrue',
  'refuse',
  'refuses',
  'refused',
]);

/** Predicates whose opposites flip a claim ("reopened" vs "remains closed"), by lemma. */
const ANTONYM_WORDS: [string, string][] = [
  ['open', 'close'],
  ['reopen', 'close'],
  ['resume', 'halt'],
  ['resume', 'suspend'],
  ['increase', 'decrease'],
  ['rise', 'fall'],
  ['win', 'lose'],
  ['capture', 'lose'],
  ['advance', 'retreat'],
  ['confirm', 'deny'],
  ['alive', 'dead'],
  ['release', 'detain'],
  ['accept', 'reject'],
  ['allow', 'ban'],
];
const ANTONYMS = ANTONYM_WORDS.map(([p, q]) => [lemma(p), lemma(q)] as const);

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  dozens: 24,
  hundreds: 200,
  thousand: 1000,
  thousands: 2000,
};

/**
 * A crude English stem: enough to meet "strikes"/"strike", "closed"/"close", "cities"/"city".
 * A final "e" is dropped from every form, since "-ed" cannot tell "closed" from "opened".
 */
export function lemma(word: string): string {
  const stem = suffixless(word.toLowerCase());
  return stem.length > 3 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

function suffixless(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ed') && w.length > 4) return undouble(w.endsWith('eed') ? w.slice(0, -1) : w.slice(0, -2));
  if (w.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function undouble(stem: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss)$/.test(stem) ? stem.slice(0, -1) : stem;
}

interface Analysed {
  terms: Set<string>;
  /** Quantity (lemma of the noun after the number) -> values given for it. */
  numbers: Map<string, Set<number>>;
  negated: boolean;
}

/** Splits a claim into content lemmas, counted quantities and whether it is negated. */
export function analyseClaim(text: string): Analysed {
  const tokens =
    text
      .toLowerCase()
      .replace(/n['’]t\b/g, ' not')
      .replace(/(\d),(\d{3})/g, '$1$2')
      .match(/[\p{L}]+|\d+(?:\.\d+)?/gu) ?? [];
  const terms = new Set<string>();
  const numbers = new Map<string, Set<number>>();
  let negations = 0;
  tokens.forEach((token, i) => {
    if (NEGATORS.has(token)) {
      negations++;
      return;
    }
    const value = /^\d/.test(token) ? Number(token) : NUMBER_WORDS[token];
    if (value !== undefined) {
      const unit = quantityAfter(tokens, i);
      if (unit) numbers.set(unit, (numbers.get(unit) ?? new Set()).add(value));
      return;
    }
    if (!STOPWORDS.has(token) && token.length > 1) terms.add(lemma(token));
  });
  return { terms, numbers, negated: negations % 2 === 1 };
}

/** The counted thing after a number: "400 militants" -> "militant", "15 of the fighters" -> "fighter". */
function quantityAfter(tokens: string[], at: number): string | null {
  for (let j = at + 1; j < Math.min(tokens.length, at + 4); j++) {
    const t = tokens[j];
    if (/^\d/.test(t) || NUMBER_WORDS[t] !== undefined) return null;
    if (STOPWORDS.has(t) || ['than', 'more', 'fewer', 'less', 'about', 'some'].includes(t)) continue;
    return lemma(t);
  }
  return null;
}

/** Compares two claim texts; symmetric. */
export function compareClaims(a: string, b: string): ClaimComparison {
  const x = analyseClaim(a);
  const y = analyseClaim(b);
  const shared = [...x.terms].filter((t) => y.terms.has(t));
  const union = new Set([...x.terms, ...y.terms]).size;
  const overlap = union === 0 ? 0 : shared.length / union;
  const reasons: string[] = [];
  let conflict = false;
  for (const [unit, values] of x.numbers) {
    const other = y.numbers.get(unit);
    if (!other) continue;
    const same = [...values].filter((v) => other.has(v));
    if (same.length > 0) reasons.push(`same number ${same.join(', ')} ${unit}`);
    else {
      conflict = true;
      reasons.push(`different numbers for ${unit}: ${[...values].join('/')} vs ${[...other].join('/')}`);
    }
  }
  if (x.negated !== y.negated) {
    conflict = true;
    reasons.push('negation mismatch');
  }
  for (const [p, q] of ANTONYMS) {
    if ((x.terms.has(p) && y.terms.has(q)) || (x.terms.has(q) && y.terms.has(p))) {
      conflict = true;
      reasons.push(`opposite predicates: ${p} / ${q}`);
    }
  }
  return {
    verdict: verdictFor(overlap, conflict),
    overlap: Math.round(overlap * 1000) / 1000,
    sharedTerms: shared.sort(),
    reasons,
  };
}

function verdictFor(overlap: number, conflict: boolean): ClaimVerdict {
  if (conflict) return overlap >= MIN_OVERLAP ? 'CONTRADICTS' : 'UNRELATED';
  return overlap >= MIN_CORROBORATION_OVERLAP ? 'CORROBORATES' : 'UNRELATED';
}
