import {
  isAdverbial,
  isBoundary,
  isCapWord,
  isQuoteMark,
  low,
  phraseAfter,
  quoteMask,
  type Range,
  segments,
  skipAux,
  stripLeading,
  trailingPhrase,
  trimSubject,
  validSubject,
} from './clause-parts.js';
import {
  AMBIGUOUS_FORMS,
  BE,
  CHANNEL_NOUNS,
  COGNITION,
  INVERTIBLE,
  PARTICLE,
  PRONOUNS,
  SUBORDINATORS,
  VERB_FORMS,
  WARNING_NOUNS,
} from './lexicon.js';
import type { Token } from './segment.js';

/** One reporting act found in a sentence, in token indices. */
export interface Act {
  verb: number;
  lemma: string;
  speaker: Range | null;
  /** Token range of a named channel ("told Reuters", "ISNA quoted"). */
  via: Range | null;
  /** Tokens the claim's content (and its places) come from. */
  content: Range;
  /** Speaker stands after the content ("A, X said"): the tail after the verb is narration. */
  order: 'PRE' | 'POST';
  /** Act starts a new part of the sentence ("…, adding B"). */
  split: boolean;
}

const FOLLOW_AMBIGUOUS = /^(?:that|:|“|"|‘|he|she|it|they|we|the|a|an)$/;
const COORDINATED_CONTENT = /^(?:that|:|“|"|‘|,|he|she|it|they|we|there|the|a|an|this|its|his|her|their|to)$/;
const PARTICIPLE_MERGE =
  /^(?:saying|citing|alleging|warning|noting|urging|claiming|insisting|arguing|denying|confirming|announcing|telling)$/;

/** Finds reporting acts (speaker, verb, content) in one sentence's tokens. */
export function findActs(t: Token[]): Act[] {
  const inQuote = quoteMask(t);
  const acts: Act[] = [];
  for (let v = 0; v < t.length; v++) {
    const lemma = VERB_FORMS.get(low(t, v));
    if (!lemma || inQuote[v] || skipVerb(t, v, lemma)) continue;
    const act = actAt(t, v, lemma, acts);
    if (act) acts.push(...act);
  }
  return dropNested(t, acts);
}

function skipVerb(t: Token[], v: number, lemma: string): boolean {
  const prev = low(t, skipAux(t, v));
  if (BE.has(prev) || /^(?:not|never|a|an|the|its|his|her|their|own|our|my|your)$/.test(prev)) return true;
  if (PARTICLE[lemma] && !PARTICLE[lemma].includes(low(t, v + 1))) return true;
  if (lemma === 'according' && low(t, v + 1) !== 'to') return true;
  if ((lemma === 'issue' || lemma === 'put') && ![1, 2, 3, 4].some((k) => WARNING_NOUNS.has(low(t, v + k))))
    return true;
  if (SUBORDINATORS.has(low(t, 0)) && t.slice(0, v).every((x) => x.text !== ',')) return true;
  if (AMBIGUOUS_FORMS.has(low(t, v))) {
    const before = t[v - 1]?.text ?? '';
    const post = before === ',' || isQuoteMark(before);
    const next = low(t, v + 1);
    if (post && !/^\p{Lu}/u.test(t[v + 1]?.text ?? '')) return true;
    if (!post && !FOLLOW_AMBIGUOUS.test(next) && !(next === '.' || next === '' || next === ',')) return true;
    if (
      !post &&
      (v === 0 || VERB_FORMS.has(low(t, v - 1)) || /^(?:the|a|an|of|amid|\d.*|u\.s\.)$/.test(low(t, v - 1)))
    )
      return true;
  }
  return false;
}

function actAt(t: Token[], v: number, lemma: string, acts: Act[]): Act[] | null {
  const end = t.length;
  const next = low(t, v + 1);
  if (lemma === 'according') {
    const sp = phraseAfter(t, v + 2, end);
    return sp
      ? [{ verb: v, lemma, speaker: sp, via: null, content: { s: 0, e: v }, order: 'POST', split: false }]
      : null;
  }
  if (low(t, v - 1) === 'as') return asPhrase(t, v, lemma, acts);
  if (/ing$/.test(low(t, v))) return participle(t, v, lemma, acts);
  const prevTok = t[v - 1]?.text ?? '';
  if (INVERTIBLE.has(lemma) && (prevTok === ',' || isQuoteMark(prevTok))) {
    const sp = phraseAfter(t, v + 1, end);
    if (sp)
      return [
        { verb: v, lemma, speaker: sp, via: null, content: { s: 0, e: v - 1 }, order: 'POST', split: false },
      ];
  }
  if (/^(?:who|which)$/.test(low(t, v - 1))) return relative(t, v, lemma);
  return finite(t, v, lemma);
}

/** "X said …" / "…, X said": the subject before the verb, skipping an appositive. */
function finite(t: Token[], v: number, lemma: string): Act[] | null {
  let j = skipAux(t, v);
  if (j < 0) return null;
  if (low(t, j) === 'and') {
    // "X ordered … and forecast that …": the coordinated verb shares the clause's subject. A
    // list of modifiers ends in "and" + participle: "suspected, probable and confirmed ones".
    if (
      t[j - 2]?.text === ',' &&
      /^\p{Ll}+$/u.test(t[j - 1]?.text ?? '') &&
      !COORDINATED_CONTENT.test(low(t, v + 1))
    )
      return null;
    const main = mainSubject(t, j);
    return main ? objectRoles(t, v, lemma, main, { s: v + 1, e: t.length }, 'PRE') : null;
  }
  const paren =
    t[j].text === ')'
      ? t
          .slice(0, j)
          .map((x) => x.text)
          .lastIndexOf('(')
      : -1;
  if (paren > 0) j = paren - 1;
  const segs = segments(t, 0, j + 1);
  if (segs.length === 0) return null;
  let subj = segs[segs.length - 1];
  let order: Act['order'] = 'PRE';
  const firstIdx = segs.findIndex((r) => !isAdverbial(t, r));
  const commaBefore = t[j].text === ',';
  const lastIdx = segs.length - 1;
  const apposCandidate = firstIdx >= 0 && firstIdx < lastIdx ? stripLeading(t, segs[firstIdx]) : null;
  const apposLike = /^(?:a|an|the|who|which|whose)$/.test(low(t, segs[lastIdx].s));
  if (
    apposCandidate &&
    (commaBefore || apposLike) &&
    apposCandidate.e - apposCandidate.s <= 8 &&
    validSubject(t, apposCandidate) &&
    (commaBefore || isCapWord(t[apposCandidate.s].text))
  ) {
    subj = apposCandidate;
  } else if (commaBefore) return null;
  else if (firstIdx >= 0 && firstIdx < lastIdx) order = 'POST';
  subj = trimSubject(t, stripLeading(t, subj));
  if (!validSubject(t, subj)) return null;
  if (paren > 0 && subj.e === paren)
    subj = { s: subj.s, e: t.slice(paren).findIndex((x) => x.text === ')') + paren + 1 };
  const content = order === 'POST' ? { s: 0, e: subj.s } : { s: v + 1, e: t.length };
  return objectRoles(t, v, lemma, subj, content, order);
}

/** Splits "White and Mayor Mike Duggan" and handles "told X", "quoted Y", "confirmed to X". */
function objectRoles(
  t: Token[],
  v: number,
  lemma: string,
  subj: Range,
  content: Range,
  order: Act['order'],
): Act[] | null {
  let via: Range | null = null;
  let speakers = splitConjoined(t, subj);
  if (lemma === 'tell' || low(t, v + 1) === 'to') {
    const obj = phraseAfter(t, v + (low(t, v + 1) === 'to' ? 2 : 1), t.length);
    if (lemma === 'tell' && obj && low(t, obj.e) === 'to' && !/^(?:that)$/.test(low(t, obj.e + 1)))
      return null;
    if (obj && obj.e > obj.s) via = cutPossessive(t, obj);
    if (via && !t.slice(via.s, via.e).some((x) => isCapWord(x.text))) via = null;
  }
  if (lemma === 'quote') {
    const obj = phraseAfter(t, v + 1, t.length);
    if (!obj) return null;
    via = t.slice(subj.s, subj.e).some((x) => isCapWord(x.text)) ? subj : null;
    speakers = [trimSubject(t, obj)];
  }
  if (lemma === 'tell' && via && order === 'PRE') content = { s: via.e, e: content.e };
  return speakers.map((sp) => ({ verb: v, lemma, speaker: sp, via, content, order, split: false }));
}

function splitConjoined(t: Token[], r: Range): Range[] {
  for (let i = r.s + 1; i < r.e - 1; i++) {
    if (
      low(t, i) === 'and' &&
      isCapWord(t[i - 1].text) &&
      isCapWord(t[i + 1].text) &&
      !/^(?:the)$/i.test(t[r.s].text)
    ) {
      return [
        { s: r.s, e: i },
        { s: i + 1, e: r.e },
      ];
    }
  }
  return [r];
}

function cutPossessive(t: Token[], r: Range): Range {
  for (let i = r.s; i < r.e; i++)
    if (/^['’]$/.test(t[i].text) || /['’]s$/.test(t[i].text))
      return { s: r.s, e: /['’]s$/.test(t[i].text) ? i + 1 : i };
  return r;
}

/** "as quoted on X" (channel of the sentence's act) and "as compiled by X" (X is the source). */
function asPhrase(t: Token[], v: number, lemma: string, acts: Act[]): Act[] | null {
  if (!/^(?:by|on|in)$/.test(low(t, v + 1))) return null;
  const sp = phraseAfter(t, v + 2, t.length);
  if (!sp) return null;
  if (lemma === 'quote') {
    const last = acts[acts.length - 1];
    if (last) last.via = sp;
    return null;
  }
  return [
    { verb: v, lemma, speaker: sp, via: null, content: { s: 0, e: t.length }, order: 'POST', split: false },
  ];
}

/** "…, adding B" is a second act; "with X urging …" has its own subject; other -ing verbs merge. */
function participle(t: Token[], v: number, lemma: string, acts: Act[]): Act[] | null {
  const prev = acts[acts.length - 1];
  const withAt = t
    .slice(0, v)
    .map((x) => x.text.toLowerCase())
    .lastIndexOf('with');
  if (withAt >= 0 && v - withAt <= 6 && t.slice(withAt + 1, v).every((x) => !isBoundary(t, t.indexOf(x)))) {
    const subj = { s: withAt + 1, e: v };
    return validSubject(t, subj)
      ? [
          {
            verb: v,
            lemma,
            speaker: subj,
            via: null,
            content: { s: v + 1, e: t.length },
            order: 'PRE',
            split: false,
          },
        ]
      : null;
  }
  if (t[v - 1]?.text !== ',') return null;
  if (prev && lemma === 'add')
    return [{ ...prev, verb: v, lemma, content: { s: v + 1, e: t.length }, order: 'PRE', split: true }];
  if (prev || !PARTICIPLE_MERGE.test(low(t, v))) return null;
  const main = mainSubject(t, v);
  return main
    ? [
        {
          verb: v,
          lemma,
          speaker: main,
          via: null,
          content: { s: v + 1, e: t.length },
          order: 'PRE',
          split: false,
        },
      ]
    : null;
}

/** Subject of the sentence's main clause: the name that opens its first non-adverbial segment. */
function mainSubject(t: Token[], before: number): Range | null {
  const seg = segments(t, 0, before).find((r) => !isAdverbial(t, r));
  if (!seg) return null;
  const r = stripLeading(t, seg);
  if (r.s >= r.e) return null;
  let e = r.s;
  while (
    e < r.e &&
    (isCapWord(t[e].text) || (e > r.s && /^(?:of|in)$/.test(low(t, e)) && isCapWord(t[e + 1]?.text ?? '')))
  )
    e++;
  return e > r.s ? { s: r.s, e } : null;
}

/** "NP, who claimed: “…”": only with a direct quote; "militants who say they…" is description. */
function relative(t: Token[], v: number, lemma: string): Act[] | null {
  const next = t[v + 1]?.text ?? '';
  if (!(next === ':' || isQuoteMark(next))) return null;
  const segs = segments(t, 0, v - 1);
  const last = segs[segs.length - 1];
  const sp = last ? trailingPhrase(t, last) : null;
  return sp
    ? [
        {
          verb: v,
          lemma,
          speaker: sp,
          via: null,
          content: { s: v + 1, e: t.length },
          order: 'PRE',
          split: false,
        },
      ]
    : null;
}

/** Drops acts nested in another act's content (pronoun subjects, belief verbs) and channels. */
function dropNested(t: Token[], acts: Act[]): Act[] {
  const kept = acts.filter((a, i) => {
    const outer = acts.find(
      (b, k) => k !== i && b.order === 'PRE' && !a.split && a.verb > b.verb && a.verb < b.content.e,
    );
    if (!outer) return true;
    const sp = a.speaker ? low(t, a.speaker.s) : '';
    return !(COGNITION.has(a.lemma) || (a.speaker && a.speaker.e - a.speaker.s === 1 && PRONOUNS.has(sp)));
  });
  if (kept.length < 2) return kept;
  return kept.filter(
    (a) =>
      !(
        a.speaker &&
        /^(?:his|her|its|their|the|a)$/.test(low(t, a.speaker.s)) &&
        CHANNEL_NOUNS.has(low(t, a.speaker.e - 1))
      ),
  );
}
