import type { ClaimCandidate } from './extract-claims.js';
import { COMPANY_NOUNS } from './lexicon.js';
import { type NameTests, type ParsedSpeaker, parseSpeaker } from './speaker-phrase.js';
import type { SourceKind, SpeakerDraft } from './types.js';

/** Speaker words and resolved speaker of one claim. */
export interface ResolvedSpeaker {
  speakerText: string | null;
  speaker: SpeakerDraft | null;
  pronoun: boolean;
}

interface Known {
  parsed: ParsedSpeaker;
  draft: SpeakerDraft;
  sentenceIndex: number;
}

/** Offices a description can name before or after the page names the holder ("Russia's energy minister"). */
const ROLE_HEADS = new Set(
  'minister president governor mayor coach leader chairman chairwoman director secretary spokesman spokeswoman premier chancellor commander chief'.split(
    ' ',
  ),
);
const BODY_KINDS: SourceKind[] = ['ORGANIZATION', 'GOVERNMENT', 'MILITARY', 'MEDIA'];
// Pronoun reach: the antecedent must be the speaker of a claim at most this many sentences back.
const PRONOUN_REACH = 4;

/** Resolves each claim's speaker phrase: names, titles, aliases, pronouns and descriptions. */
export function resolveSpeakers(body: string, claims: ClaimCandidate[], tests: NameTests): ResolvedSpeaker[] {
  const parsed = claims.map((c) =>
    c.speakerSpan ? parseSpeaker(body.slice(c.speakerSpan.start, c.speakerSpan.end), tests) : null,
  );
  const people = personNames(body, parsed);
  const acronyms = acronymNames(body);
  const out: ResolvedSpeaker[] = [];
  let last: Known | null = null;
  const history: Known[] = [];
  claims.forEach((claim, i) => {
    const p = parsed[i];
    if (claim.continues !== null) {
      out.push({ speakerText: null, speaker: out[claim.continues]?.speaker ?? null, pronoun: false });
      return;
    }
    if (!p) {
      out.push({ speakerText: null, speaker: null, pronoun: false });
      return;
    }
    const found = p.pronoun
      ? pronounAntecedent(p, last, claim.sentenceIndex)
      : resolveNamed(p, history, parsed, people, acronyms);
    out.push({ speakerText: p.text, speaker: found?.draft ?? null, pronoun: p.pronoun !== null });
    last = found
      ? { ...found, sentenceIndex: claim.sentenceIndex }
      : { parsed: p, draft: draftOf(p), sentenceIndex: claim.sentenceIndex };
    if (!found) last = null;
    if (found) history.push({ ...found, sentenceIndex: claim.sentenceIndex });
  });
  return out;
}

function draftOf(p: ParsedSpeaker, name = p.name): SpeakerDraft {
  const aliases = name !== p.text ? [p.text] : [];
  return { name, kind: p.kind, affiliation: p.affiliation, description: p.text, aliases };
}

/**
 * he/she/it/they resolve only to the speaker of the previous claim, and only when that speaker fits:
 * he/she need a named person (an unnamed "source" has unknown identity, and scraped pages often
 * drop the sentence that named the speaker, so a non-person in between means "unresolved");
 * it needs a named body; they a group or plural description. A wrong speaker is worse than none.
 */
function pronounAntecedent(p: ParsedSpeaker, last: Known | null, sentenceIndex: number): Known | null {
  if (!last || sentenceIndex - last.sentenceIndex > PRONOUN_REACH) return null;
  const a = last.parsed;
  if (p.pronoun === 'he' || p.pronoun === 'she') {
    if (last.draft.kind !== 'PERSON' || !a.personName) return null;
    return genderOf(a.text) === null || genderOf(a.text) === p.pronoun ? last : null;
  }
  if (p.pronoun === 'it') return BODY_KINDS.includes(last.draft.kind) ? last : null;
  return last.draft.kind === 'GROUP' || (last.draft.kind === 'ANONYMOUS' && a.head.endsWith('s'))
    ? last
    : null;
}

function genderOf(text: string): string | null {
  if (/\b(?:Mrs|Ms|Miss|Madam|Lady|Dame|spokeswoman|chairwoman|Queen|Princess)\b/.test(text)) return 'she';
  if (/\b(?:Mr|Sir|Lord|spokesman|chairman|King|Prince)\b/.test(text)) return 'he';
  return null;
}

function resolveNamed(
  p: ParsedSpeaker,
  history: Known[],
  all: Array<ParsedSpeaker | null>,
  people: string[],
  acronyms: Map<string, string>,
): Known {
  if (p.definite) {
    const ante = [...history]
      .reverse()
      .find((k) => k.parsed.roleWords.includes(p.head) || k.parsed.head === p.head);
    if (ante) return ante;
    const company = COMPANY_NOUNS.has(p.head)
      ? [...history].reverse().find((k) => k.draft.kind === 'ORGANIZATION')
      : undefined;
    if (company) return company;
  }
  if (!p.personName && !p.definite && ROLE_HEADS.has(p.head)) {
    const role = p.roleWords.filter((w) => w !== p.head);
    const holder = all.find(
      (q) => q?.personName && q.roleWords.includes(p.head) && role.every((w) => q.roleWords.includes(w)),
    );
    if (holder)
      return { parsed: holder, draft: draftOf(holder, fullName(holder.name, people)), sentenceIndex: 0 };
  }
  if (p.personName) return { parsed: p, draft: draftOf(p, fullName(p.name, people)), sentenceIndex: 0 };
  const expanded = acronyms.get(p.name) ?? initialsMatch(p.name, all);
  return { parsed: p, draft: draftOf(p, expanded ?? p.name), sentenceIndex: 0 };
}

const bareLast = (name: string) =>
  (name.split(/\s+/).pop() ?? '').replace(/^(?:al|el|ad|ar|as|ash|az|ez)-/i, '').toLowerCase();

/** "Padilla" → "Restituto Padilla" when the page names him in full somewhere. */
function fullName(name: string, people: string[]): string {
  if (name.includes(' ')) return name;
  return people.find((full) => full.includes(' ') && bareLast(full) === bareLast(name)) ?? name;
}

const TITLE_BEFORE_NAME =
  /\b(?:President|Minister|Governor|Mayor|Chief|General|Colonel|Senator|Secretary|Premier|Chancellor|Commander|Director|King|Queen|Prince|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,2}\p{Lu}[\p{L}'’-]+)/gu;

/** Full personal names on the page: speakers, and names after a title anywhere in the text. */
function personNames(body: string, parsed: Array<ParsedSpeaker | null>): string[] {
  const names = parsed.filter((p): p is ParsedSpeaker => !!p?.personName).map((p) => p.name);
  for (const m of body.matchAll(TITLE_BEFORE_NAME)) names.push(m[1].replace(/['’]s$/, ''));
  return names;
}

/** "Intercontinental Exchange (ICE)" → ICE ↦ Intercontinental Exchange. */
function acronymNames(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of body.matchAll(
    /((?:\p{Lu}[\p{L}&.-]*\s+(?:of\s+|in\s+|and\s+)?){1,6})\((\p{Lu}{2,8})\)/gu,
  )) {
    map.set(m[2], m[1].trim());
  }
  return map;
}

/** "RIM" ↦ "Research in Motion" when the initials of a named body on the page spell it. */
function initialsMatch(name: string, all: Array<ParsedSpeaker | null>): string | null {
  if (!/^\p{Lu}{2,6}$/u.test(name)) return null;
  const hit = all.find(
    (q) =>
      q &&
      !q.personName &&
      q.name.split(/\s+/).length === name.length &&
      q.name
        .split(/\s+/)
        .map((w) => w[0].toUpperCase())
        .join('') === name,
  );
  return hit?.name ?? null;
}
