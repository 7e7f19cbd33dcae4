import type { PageStructure } from './extract-page.js';
import { GOVERNMENT_WORDS, MILITARY_WORDS, ORG_WORDS, STOP, TIME_WORDS, TITLE_WORDS } from './lexicon.js';
import { type Token, tokenize } from './segment.js';
import type { Span } from './types.js';

/** A capitalised name or referring phrase that may be a place. */
export interface RawMention extends Span {
  name: string;
  asWritten: string;
  kindHint: 'CITY' | 'REGION' | 'COUNTRY' | 'OTHER' | null;
  /** First word of a sentence: capitalised for grammar, so only a well-known place counts. */
  initial: boolean;
  /** Why it may name a place but is not a place of a claim (still a coreference antecedent). */
  role: 'PLACE' | 'DESCRIPTOR' | 'MODIFIER' | 'REFERRING';
}

const CONNECTORS = new Set(['de', 'del', 'da', 'do', 'di', 'la', 'le', 'al', 'el']);
const REGION_WORDS = /^(?:province|governorate|region|state|district|county|oblast|prefecture|territory)$/i;
const ACTOR_NOUNS = new Set([
  'police',
  'forces',
  'troops',
  'army',
  'government',
  'officials',
  'authorities',
  'military',
  'coalition',
  'militants',
  'rebels',
  'fighters',
  'president',
  'minister',
  'leader',
  'officer',
  'air',
  'navy',
  'embassy',
  'envoy',
  'spokesman',
  'team',
  'side',
  'club',
  'company',
]);
const COMPOUND_SUFFIX =
  /-(?:led|backed|based|linked|held|run|born|owned|controlled|allied|made|funded|bound|friendly)$/i;
// No /i flag: under it \p{Lu} also matches lower case, and "his state’s whole coastline" was lost.
const REFERRING_RE =
  /\b(?:[Tt]he|[Tt]hat|[Tt]his|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(city|town|capital|province|state|country|planet|island)\b(?!\s+of\b)(?!['’]s\s+\p{Lu})/gu;
const REFERRING_KIND: Record<string, RawMention['kindHint']> = {
  city: 'CITY',
  town: 'CITY',
  capital: 'CITY',
  province: 'REGION',
  state: 'REGION',
  island: 'REGION',
  country: 'COUNTRY',
  planet: 'OTHER',
};
const NOT_PLACE_WORDS = new Set([
  ...TITLE_WORDS,
  ...TIME_WORDS,
  ...STOP,
  'islamic',
  'hurricane',
  'storm',
  'typhoon',
  'cyclone',
  'mr',
  'mrs',
]);

const isCap = (w: string) => /^\p{Lu}/u.test(w) || /^(?:al|el|ad|ar|as|ash|az|ez)-\p{Lu}/u.test(w);

/** Every place-like mention in the claim-bearing zones (datelines skipped), and words of storm names. */
export function findMentions(page: PageStructure): { mentions: RawMention[]; blocked: Set<string> } {
  const out: RawMention[] = [];
  const blocked = new Set<string>();
  for (const m of page.body.matchAll(
    /\b(?:Hurricane|Storm|Typhoon|Cyclone|Tropical Storm)\s+(\p{Lu}\p{Ll}+)/gu,
  ))
    blocked.add(m[1]);
  for (const line of page.lines) {
    if (line.zone !== 'TITLE' && line.zone !== 'SUBHEAD' && line.zone !== 'BODY') continue;
    const t = tokenize(page.body, line.textStart, line.end);
    out.push(...capitalisedRuns(page.body, t));
    out.push(...referring(page.body, line.textStart, line.end, t));
  }
  return { mentions: out.sort((a, b) => a.start - b.start), blocked };
}

function capitalisedRuns(body: string, t: Token[]): RawMention[] {
  const out: RawMention[] = [];
  for (let i = 0; i < t.length; i++) {
    if (
      !isCap(t[i].text) ||
      (i > 0 && isCap(t[i - 1].text) && t[i - 1].end + 1 >= t[i].start && !/['’]s$/.test(t[i - 1].text))
    )
      continue;
    let e = i + 1;
    while (
      e < t.length &&
      (isCap(t[e].text) || (CONNECTORS.has(t[e].text) && isCap(t[e + 1]?.text ?? ''))) &&
      !/['’]s$/.test(t[e - 1].text)
    )
      e++;
    const m = runMention(body, t, i, e);
    if (m) out.push(m);
    i = e - 1;
  }
  return out;
}

function runMention(body: string, t: Token[], s0: number, e: number): RawMention | null {
  let s = s0;
  if (/^(?:hurricane|storm|typhoon|cyclone|tropical)$/i.test(t[s].text)) return null;
  const initial = s === 0 || /^[.!?“"‘:—]$/.test(t[s - 1].text);
  while (s < e && NOT_PLACE_WORDS.has(t[s].text.toLowerCase().replace(/[.]$/, ''))) s++;
  if (s >= e) return null;
  const words = t.slice(s, e).map((x) => x.text.toLowerCase().replace(/['’]s$/, ''));
  if (
    words.some(
      (w) =>
        ORG_WORDS.has(w) ||
        GOVERNMENT_WORDS.has(w) ||
        MILITARY_WORDS.has(w) ||
        w === 'stock' ||
        w === 'civil' ||
        w === 'democratic',
    )
  )
    return null;
  if (s > 0 && TITLE_WORDS.has(t[s - 1].text.toLowerCase())) return null;
  const last = t[e - 1].text;
  if (
    COMPOUND_SUFFIX.test(last) ||
    (t[e]?.text === '-' && /^(?:led|backed|based|linked|held)$/i.test(t[e + 1]?.text ?? ''))
  )
    return null;
  if (e - s === 1 && /^\p{Lu}{2,5}$/u.test(last) && t[s - 1]?.text.toLowerCase() !== 'the') return null;
  const possessive = /['’]s$/.test(last) || t[e]?.text === '’' || t[e]?.text === "'";
  const next = t[e + (possessive && !/['’]s$/.test(last) ? 1 : 0)]?.text ?? '';
  let end = t[e - 1].end - (/['’]s$/.test(last) ? 2 : 0);
  let kindHint: RawMention['kindHint'] = null;
  if (REGION_WORDS.test(next)) kindHint = 'REGION';
  if (
    /^(?:city)$/i.test(next) ||
    /city of$/i.test(body.slice(Math.max(0, t[s].start - 9), t[s].start).trim())
  )
    kindHint = 'CITY';
  if (REGION_WORDS.test(next) && isCap(next) && !possessive) end = t[e].end;
  const role: RawMention['role'] =
    (possessive && isCap(next)) || inProperName(body, t[s].start)
      ? 'DESCRIPTOR'
      : !possessive && ACTOR_NOUNS.has(next)
        ? 'MODIFIER'
        : 'PLACE';
  const name = body.slice(t[s].start, t[e - 1].end).replace(/['’]s$/, '');
  return {
    start: t[s].start,
    end,
    name,
    asWritten: body.slice(t[s].start, end),
    kindHint,
    role,
    initial: initial && s === s0 && e - s === 1,
  };
}

function referring(body: string, from: number, to: number, t: Token[]): RawMention[] {
  const text = body.slice(from, to);
  const out: RawMention[] = [];
  for (const m of text.matchAll(REFERRING_RE)) {
    const start = from + (m.index ?? 0);
    out.push({
      start,
      end: start + m[0].length,
      name: m[0],
      asWritten: m[0],
      kindHint: REFERRING_KIND[m[1].toLowerCase()],
      role: 'REFERRING',
      initial: false,
    });
  }
  t.forEach((tok, i) => {
    if (tok.text !== 'there') return;
    const prev = t[i - 1]?.text ?? '';
    const next = (t[i + 1]?.text ?? '').toLowerCase();
    if (/^\p{Ll}+(?:ing|ed)$/u.test(prev) && !/^(?:is|are|was|were|has|have|had|will|would)$/.test(next)) {
      out.push({
        start: tok.start,
        end: tok.end,
        name: 'there',
        asWritten: 'there',
        kindHint: null,
        role: 'REFERRING',
        initial: false,
      });
    }
  });
  return out;
}

// Capitalised heads that, with "of", still name a place ("Republic of the Congo", "Gulf of Aden").
const GEO_HEADS =
  /^(?:Republic|Kingdom|Federation|Emirate|Sultanate|Principality|Commonwealth|Union|Gulf|Bay|Sea|Strait|Straits|Isle|Islands?|Cape|Lake|Mount|Port|Province|State|City|County|District|Region|Governorate|Outside|North|South|East|West|Central)$/;

/**
 * A place after "<Capitalised word> of/for (the)" inside a sentence belongs to a proper name or a
 * title ("the Convention for the Renewal of the Comoros", "Bank of England", "President of
 * France"), not to the claim.
 */
function inProperName(body: string, start: number): boolean {
  const m = /([.!?"“:]\s*|\s)(\p{Lu}\p{Ll}+)\s+(?:of|for)\s+(?:the\s+)?$/u.exec(
    body.slice(Math.max(0, start - 40), start),
  );
  return !!m && !/[.!?"“:]/.test(m[1]) && !GEO_HEADS.test(m[2]);
}

/** A country name before a common noun ("U.S. air power") describes, unless the noun is geographic. */
export function isAttributive(body: string, m: RawMention): boolean {
  const after = /^\s+(\p{Ll}+)/u.exec(body.slice(m.end, m.end + 30));
  return (
    !!after &&
    !/^(?:states?|border|borders|coast|soil|territory|cities|city|towns?|provinces?|regions?|side|capital|mainland|waters|airspace|and|or|on|in|at|to|for|from|with|by|of|as|is|was|were|are|has|had|have|will|would|said|says|after|before|since|until|when|where|which|who|that)$/.test(
      after[1],
    )
  );
}
