import { speakerNamesMatch } from './eval-match.js';
import type { ArticleDraft, ClaimDraft, PlaceMentionDraft } from './types.js';

/** One gold claim (see ../shared/corpus/README.md). */
export interface GoldClaim {
  anchor: string;
  anchor_occurrence?: number;
  source_as_written: string | null;
  pronoun: boolean;
  source: string | null;
  source_kind: string;
  places?: Array<{
    as_written: string;
    canonical: string;
    country: string | null;
    kind: string;
    coref?: boolean;
    alt_canonical?: string;
  }>;
}

/** Gold for one page. */
export interface GoldDoc {
  claims: GoldClaim[];
  related_links: Array<{ title: string }>;
}

/** Counts for one page; sums over pages give the set's scores. */
export interface DocCounts {
  gold: number;
  predicted: number;
  matched: number;
  speaker: { correct: number; wrong: number; unresolved: number };
  referring: { correct: number; wrong: number; unresolved: number };
  pairs: { gold: number; predicted: number; goldMatched: number; predictedMatched: number };
  places: { gold: number; found: number; resolvedRight: number };
  links: { gold: number; found: number };
  misses: string[];
  falseClaims: string[];
  wrongSpeakers: string[];
}

/** Maps a place name to a comparison key (spelling key without region words). */
export type PlaceKeyFn = (name: string) => string;
/** Comparison keys of a predicted place: its name and the gazetteer's other names for it. */
export type PlaceKeysFn = (place: PlaceMentionDraft) => string[];

/** Body range of the n-th occurrence of the anchor, whitespace-insensitive. */
export function anchorSpan(
  body: string,
  anchor: string,
  occurrence = 1,
): { start: number; end: number } | null {
  const pattern = anchor
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const re = new RegExp(pattern, 'g');
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(body))) if (++n === occurrence) return { start: m.index, end: m.index + m[0].length };
  return null;
}

/** One-to-one matching of gold claims to predicted claims whose span contains the anchor. */
export function matchClaims(draft: ArticleDraft, gold: GoldClaim[]): Array<number | null> {
  const spans = gold.map((g) => anchorSpan(draft.body, g.anchor, g.anchor_occurrence ?? 1));
  // Among claims that contain the anchor, try first those whose speaker words are the gold ones.
  const fits = spans.map((s, g) =>
    draft.claims
      .map((c, i) => (s && c.start <= s.start && c.end >= s.end ? i : -1))
      .filter((i) => i >= 0)
      .sort(
        (a, b) =>
          Number(draft.claims[b].speakerText === gold[g].source_as_written) -
          Number(draft.claims[a].speakerText === gold[g].source_as_written),
      ),
  );
  const owner = new Map<number, number>();
  const tryAssign = (g: number, seen: Set<number>): boolean => {
    for (const p of fits[g]) {
      if (seen.has(p)) continue;
      seen.add(p);
      const current = owner.get(p);
      if (current === undefined || tryAssign(current, seen)) {
        owner.set(p, g);
        return true;
      }
    }
    return false;
  };
  gold.forEach((_, g) => tryAssign(g, new Set()));
  const result: Array<number | null> = gold.map(() => null);
  for (const [p, g] of owner) result[g] = p;
  return result;
}

function speakerVerdict(claim: ClaimDraft, g: GoldClaim): 'correct' | 'wrong' | 'unresolved' {
  const name = claim.speaker?.name ?? null;
  if (g.source === null) return name === null ? 'correct' : 'wrong';
  if (name === null) return 'unresolved';
  return speakerNamesMatch(name, g.source, g.source_kind) ? 'correct' : 'wrong';
}

/** Scores one page against its gold. */
export function scoreDoc(
  draft: ArticleDraft,
  gold: GoldDoc,
  placeKey: PlaceKeyFn,
  placeKeys: PlaceKeysFn = (p) => [placeKey(p.name)],
): DocCounts {
  const match = matchClaims(draft, gold.claims);
  const counts: DocCounts = {
    gold: gold.claims.length,
    predicted: draft.claims.length,
    matched: match.filter((m) => m !== null).length,
    speaker: { correct: 0, wrong: 0, unresolved: 0 },
    referring: { correct: 0, wrong: 0, unresolved: 0 },
    pairs: { gold: 0, predicted: 0, goldMatched: 0, predictedMatched: 0 },
    places: { gold: 0, found: 0, resolvedRight: 0 },
    links: { gold: gold.related_links.length, found: 0 },
    misses: [],
    falseClaims: [],
    wrongSpeakers: [],
  };
  gold.claims.forEach((g, i) => {
    const p = match[i];
    if (p === null) return void counts.misses.push(g.anchor);
    const claim = draft.claims[p];
    const verdict = speakerVerdict(claim, g);
    counts.speaker[verdict]++;
    if (g.pronoun || /^(?:the|those|these|this|that)\s/i.test(g.source_as_written ?? ''))
      counts.referring[verdict]++;
    if (verdict !== 'correct')
      counts.wrongSpeakers.push(`${g.anchor} :: gold ${g.source} / got ${claim.speaker?.name ?? 'null'}`);
    scorePlaces(claim, g, placeKey, placeKeys, counts);
  });
  const used = new Set(match.filter((m): m is number => m !== null));
  draft.claims.forEach((c, i) => {
    if (!used.has(i)) counts.falseClaims.push(c.text.slice(0, 80));
  });
  scorePairs(draft, gold, placeKey, placeKeys, counts);
  const predictedTitles = new Set(draft.relatedLinks.map((l) => l.title.replace(/\s+/g, ' ').trim()));
  counts.links.found = gold.related_links.filter((l) =>
    predictedTitles.has(l.title.replace(/\s+/g, ' ').trim()),
  ).length;
  return counts;
}

function scorePlaces(
  claim: ClaimDraft,
  g: GoldClaim,
  placeKey: PlaceKeyFn,
  placeKeys: PlaceKeysFn,
  counts: DocCounts,
): void {
  for (const gp of g.places ?? []) {
    counts.places.gold++;
    const keys = [gp.canonical, gp.alt_canonical].filter((k): k is string => !!k).map(placeKey);
    const hit = claim.places.find((p) => placeKeys(p).some((k) => keys.includes(k)));
    if (!hit) continue;
    counts.places.found++;
    if ((hit.countryCode ?? null) === gp.country && hit.kind === gp.kind) counts.places.resolvedRight++;
  }
}

/** (speaker, place) pairs over all claims; a gold pair matches a predicted one leniently. */
function scorePairs(
  draft: ArticleDraft,
  gold: GoldDoc,
  placeKey: PlaceKeyFn,
  placeKeys: PlaceKeysFn,
  counts: DocCounts,
): void {
  const predicted = new Map<string, { speaker: string | null; places: string[] }>();
  for (const c of draft.claims)
    for (const p of c.places)
      predicted.set(`${c.speaker?.name ?? '∅'}|${placeKey(p.name)}`, {
        speaker: c.speaker?.name ?? null,
        places: placeKeys(p),
      });
  const goldPairs = new Map<string, { speaker: string | null; kind: string; places: string[] }>();
  for (const g of gold.claims)
    for (const p of g.places ?? []) {
      const places = [p.canonical, p.alt_canonical].filter((k): k is string => !!k).map(placeKey);
      goldPairs.set(`${g.source ?? '∅'}|${places[0]}`, { speaker: g.source, kind: g.source_kind, places });
    }
  const same = (
    p: { speaker: string | null; places: string[] },
    g: { speaker: string | null; kind: string; places: string[] },
  ) =>
    p.places.some((k) => g.places.includes(k)) &&
    (g.speaker === null
      ? p.speaker === null
      : p.speaker !== null && speakerNamesMatch(p.speaker, g.speaker, g.kind));
  counts.pairs.gold = goldPairs.size;
  counts.pairs.predicted = predicted.size;
  counts.pairs.goldMatched = [...goldPairs.values()].filter((g) =>
    [...predicted.values()].some((p) => same(p, g)),
  ).length;
  counts.pairs.predictedMatched = [...predicted.values()].filter((p) =>
    [...goldPairs.values()].some((g) => same(p, g)),
  ).length;
}
