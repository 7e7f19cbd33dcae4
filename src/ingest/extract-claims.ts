import { quoteMask } from './clause-parts.js';
import type { PageStructure } from './extract-page.js';
import { type Act, findActs } from './find-acts.js';
import { monthDayIn } from './page-dates.js';
import { type Sentence, segmentParagraph, type Token, tokenize } from './segment.js';
import type { QuoteKind, Span } from './types.js';

/** A reporting act located in the body, before speakers and places are resolved. */
export interface ClaimCandidate extends Span {
  /** body.slice(start, end). */
  text: string;
  zone: 'HEADLINE' | 'BODY';
  sentence: Sentence;
  /** Index of the sentence in reading order (for coreference distance). */
  sentenceIndex: number;
  speakerSpan: Span | null;
  viaSpan: Span | null;
  viaText: string | null;
  /** Body range the claim's content comes from (quote kind). */
  content: Span;
  /** Body range the claim's places may come from (speaker spans are cut out later). */
  placeZone: Span;
  quote: QuoteKind;
  claimedAt: string | null;
  /** Index of the claim whose speaker a follow-on quote continues. */
  continues: number | null;
}

const IMPLICIT_RE =
  /\bit (?:was|has been|is|had been) (?:revealed|reported|announced|claimed|confirmed|alleged)\b|\bamid (?:claims|allegations|reports|accusations) that\b|\ba reported [$€£\d]|\breportedly\b/i;

/** A lead-in that says where the statement was made, which is not what it is about. */
const VENUE_RE =
  /\b(?:speaking|addressing|visiting|during (?:a|his|her) (?:visit|trip|speech)|(?:at|in) a (?:news|press) (?:conference|briefing)|in (?:an|a) (?:interview|statement))\b/i;

/** Longest sentence searched for reporting acts, in tokens (real ones stay well under 150). */
const MAX_SENTENCE_TOKENS = 400;

/** Finds every reporting act in the claim-bearing zones of the page. */
export function extractClaims(page: PageStructure): ClaimCandidate[] {
  const year = page.publishedAt ? Number(page.publishedAt.slice(0, 4)) : null;
  const out: ClaimCandidate[] = [];
  let sentenceIndex = 0;
  page.lines.forEach((line, paragraph) => {
    if (line.zone !== 'TITLE' && line.zone !== 'SUBHEAD' && line.zone !== 'BODY') return;
    const zone = line.zone === 'BODY' ? 'BODY' : 'HEADLINE';
    const sentences =
      line.textStart < line.end ? segmentParagraph(page.body, line.textStart, line.end, paragraph) : [];
    let previousHadQuote = false;
    for (const sentence of sentences) {
      const tokens = tokenize(page.body, sentence.start, sentence.end);
      // A "sentence" this long is markup or a list run together, not prose; finding acts in it
      // costs quadratic time for nothing.
      const acts = tokens.length > MAX_SENTENCE_TOKENS ? [] : findActs(tokens);
      const made = acts.map((a, i) =>
        fromAct(page.body, sentence, sentenceIndex, tokens, a, acts[i + 1], zone, year, i === 0),
      );
      if (made.length === 0)
        made.push(...followOn(page.body, sentence, sentenceIndex, zone, previousHadQuote, out));
      out.push(...made);
      previousHadQuote = made.length > 0 && made[made.length - 1].quote !== 'INDIRECT';
      sentenceIndex++;
    }
  });
  return out;
}

function fromAct(
  body: string,
  sentence: Sentence,
  sentenceIndex: number,
  t: Token[],
  act: Act,
  next: Act | undefined,
  zone: ClaimCandidate['zone'],
  year: number | null,
  first: boolean,
): ClaimCandidate {
  const span = (s: number, e: number): Span => ({
    start: t[s]?.start ?? sentence.end,
    end: e > s ? t[e - 1].end : (t[s]?.start ?? sentence.end),
  });
  const start = act.split ? t[act.verb].start : sentence.start;
  const end = next?.split ? t[next.verb - 1].start : sentence.end;
  const content = span(act.content.s, Math.min(act.content.e, next?.split ? next.verb - 1 : act.content.e));
  const lead = body.slice(sentence.start, act.order === 'PRE' ? t[act.verb].end : sentence.start);
  // The words between the verb and what was said ("asserted in a statement issued on October
  // 10 that …") can date the statement too.
  const after = body
    .slice(t[act.verb].end, Math.min(sentence.end, t[act.verb].end + 80))
    .split(/\bthat\b|[“"‘:]/)[0];
  const onDate = /\bon\s+\S+\s+\d|\bon\s+\d{1,2}\s+\S+/i;
  const dated = onDate.test(lead) ? lead : onDate.test(after) ? after : '';
  const verbStart = t[act.verb].start;
  // An appositive after the speaker ("X, a spokesman for the military of Y, said") describes X.
  const appositive = act.speaker && t[act.speaker.e]?.text === ',';
  const preStart = act.speaker && !appositive ? Math.min(t[act.speaker.s].start, verbStart) : verbStart;
  // Places before the speaker are in the claim's sentence too ("In three U.S. states, with
  // forecasters urging …"), unless the sentence holds an earlier act.
  const zoneStart =
    act.speaker && !appositive && !act.split && first && !VENUE_RE.test(body.slice(sentence.start, preStart))
      ? sentence.start
      : preStart;
  const placeZone =
    act.order === 'POST'
      ? { start: act.split ? verbStart : sentence.start, end: verbStart }
      : { start: zoneStart, end: content.end };
  return {
    start,
    end,
    text: body.slice(start, end),
    zone,
    placeZone,
    sentence,
    sentenceIndex,
    speakerSpan: act.speaker ? span(act.speaker.s, act.speaker.e) : null,
    viaSpan: act.via ? span(act.via.s, act.via.e) : null,
    viaText: act.via
      ? body.slice(span(act.via.s, act.via.e).start, span(act.via.s, act.via.e).end).replace(/^the\s+/i, '')
      : null,
    content,
    quote: quoteKind(t, act.content),
    claimedAt: monthDayIn(dated, year),
    continues: null,
  };
}

/** Direct when the quoted words fill most of the content, partial when only some are quoted. */
/** Quote masks per token list: a sentence with many reporting acts asks for the same one often. */
const masks = new WeakMap<Token[], ReturnType<typeof quoteMask>>();

function quoteKind(t: Token[], r: { s: number; e: number }): QuoteKind {
  let mask = masks.get(t);
  if (!mask) {
    mask = quoteMask(t);
    masks.set(t, mask);
  }
  let quoted = 0;
  let words = 0;
  for (let i = r.s; i < r.e; i++) {
    if (!/[\p{L}\p{N}]/u.test(t[i].text)) continue;
    words++;
    if (mask[i]) quoted++;
  }
  if (quoted === 0) return 'INDIRECT';
  return quoted / Math.max(1, words) > 0.6 ? 'DIRECT' : 'PARTIAL';
}

/** A quote that follows an attributed quote without its own verb, or an implicit "it was revealed". */
function followOn(
  body: string,
  sentence: Sentence,
  sentenceIndex: number,
  zone: ClaimCandidate['zone'],
  previousHadQuote: boolean,
  out: ClaimCandidate[],
): ClaimCandidate[] {
  const base = {
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    zone,
    sentence,
    sentenceIndex,
    viaSpan: null,
    viaText: null,
    content: { start: sentence.start, end: sentence.end } as Span,
    placeZone: { start: sentence.start, end: sentence.end },
    claimedAt: null,
  };
  const prev = out[out.length - 1];
  if (
    previousHadQuote &&
    prev &&
    prev.sentence.paragraph === sentence.paragraph &&
    /^[“"‘]/.test(sentence.text)
  ) {
    // Too short to be a claim of its own ("Prepare now."): it belongs to the quote before.
    if (sentence.text.split(/\s+/).length < 4) {
      prev.end = sentence.end;
      prev.text = body.slice(prev.start, prev.end);
      return [];
    }
    return [{ ...base, speakerSpan: null, quote: 'DIRECT', continues: out.length - 1 }];
  }
  if (zone === 'BODY' && IMPLICIT_RE.test(sentence.text))
    return [{ ...base, speakerSpan: null, quote: 'INDIRECT', continues: null }];
  return [];
}
