import type { Gazetteer, Place, PlaceKind } from '../geo/types.js';
import type { ClaimCandidate } from './extract-claims.js';
import type { PageStructure } from './extract-page.js';
import { findMentions, isAttributive, type RawMention } from './place-mentions.js';
import type { PlaceMentionDraft, Span } from './types.js';

/** Place lookups injected by the caller (the gazetteer, and its demonym table when available). */
export interface PlaceTools {
  gazetteer: Gazetteer;
  /** "Syrian" → "SY"; null for other words. */
  demonymCountry?: (word: string) => string | null;
}

interface Resolved extends RawMention {
  place: Place | null;
  /** Country a demonym names (antecedent for "that country", hint for the document). */
  demonym: string | null;
}

// Bodies other than the Earth's places: the gazetteer knows only Earth, where these are small towns.
const PLANETS = new Set(['Mars', 'Venus', 'Jupiter', 'Saturn', 'Neptune', 'Uranus', 'Pluto']);

/** Places each claim is about: resolved names and referring phrases in its place zone. */
export function extractPlaces(
  page: PageStructure,
  claims: ClaimCandidate[],
  speakerSpans: Span[],
  personWords: Set<string>,
  tools: PlaceTools,
): PlaceMentionDraft[][] {
  const { mentions: found, blocked } = findMentions(page);
  const raw = found
    .filter(
      (m) => m.role === 'REFERRING' || !m.name.split(/\s+/).some((w) => personWords.has(w) || blocked.has(w)),
    )
    // Text order: antecedents are the mentions before, and each claim scans only its own span.
    .sort((a, b) => a.start - b.start);
  const first = raw.map((m) => resolveMention(m, [], tools));
  const hints = countryHints(first, tools.gazetteer);
  const mentions = raw.map((m) => resolveMention(m, hints, tools));
  const drafts = mentions.map((m, i) => toDraft(m, mentions, i, tools.gazetteer));
  // A place after "in"/"for" in the speaker's words is what the speaker is about ("an opposition
  // leader in Comoros", "the electoral commission for Anjouan"); other speaker words are titles.
  // Decided once per mention: per claim it made long pages cubic.
  const inSpeaker = drafts.map(
    (d) =>
      !!d &&
      speakerSpans.some((s) => d.start < s.end && d.end > s.start) &&
      !/\b(?:in|for)\s+$/.test(page.body.slice(Math.max(0, d.start - 5), d.start)),
  );
  const starts = drafts.map((d, i) => d?.start ?? mentions[i].start);
  return claims.map((c) => {
    const within = (d: PlaceMentionDraft, z: Span | null) => !!z && d.start >= z.start && d.end <= z.end;
    const zones = [c.placeZone, c.speakerSpan].filter((z): z is Span => !!z);
    const seen = new Set<string>();
    const out: PlaceMentionDraft[] = [];
    if (zones.length === 0) return out;
    // Mentions are in text order: visit only those that can fall inside this claim's zones.
    const from = Math.min(...zones.map((z) => z.start));
    const to = Math.max(...zones.map((z) => z.end));
    for (let i = firstAtOrAfter(starts, from); i < drafts.length && starts[i] < to; i++) {
      const d = drafts[i];
      const m = mentions[i];
      if (!d || inSpeaker[i] || !(within(d, c.placeZone) || within(d, c.speakerSpan))) continue;
      if (m.role === 'DESCRIPTOR' || m.role === 'MODIFIER') continue;
      if (m.place?.kind === 'COUNTRY' && m.role === 'PLACE' && isAttributive(page.body, m)) continue;
      const key = `${d.coref ? 'coref:' : ''}${d.placeKey ?? d.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
    return out;
  });
}

/** Index of the first value >= target in an ascending list. */
function firstAtOrAfter(sorted: number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function resolveMention(m: RawMention, hints: string[], tools: PlaceTools): Resolved {
  if (m.role === 'REFERRING') return { ...m, place: null, demonym: null };
  const demonym = tools.demonymCountry?.(m.name) ?? null;
  if (demonym) return { ...m, place: null, demonym };
  if (PLANETS.has(m.name)) {
    return {
      ...m,
      demonym: null,
      place: {
        key: '',
        geonameId: null,
        name: m.name,
        kind: 'OTHER',
        countryCode: null,
        latitude: null,
        longitude: null,
        population: 0,
        alternateNames: [],
        parentKey: null,
      },
    };
  }
  const kindHint = (m.kindHint ?? undefined) as PlaceKind | undefined;
  const place = tools.gazetteer.resolve(m.name, { countryHints: hints, kindHint });
  return { ...m, place: place && plausible(m, place, hints) ? place : null, demonym: null };
}

const loose = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();

/**
 * Guards against false friends: a sentence-initial word must be a country or a large place written
 * as such; a small place outside the page's countries, or one matched only through an unrelated
 * alternate name, is more likely a common word or a name than the place.
 */
function plausible(m: RawMention, place: Place, hints: string[]): boolean {
  if (place.kind === 'COUNTRY') return true;
  const big = place.population >= 100_000;
  if (m.initial && !(big && loose(place.name).startsWith(loose(m.name).slice(0, 4)))) return false;
  const foreign = hints.length > 0 && place.countryCode !== null && !hints.includes(place.countryCode);
  const sameName = loose(place.name).includes(loose(m.name).slice(1, 4));
  if (!sameName && (foreign || !big)) return false;
  return !(foreign && place.population < 50_000);
}

/**
 * Countries the page is about, most mentioned first (countries and demonyms count double). A
 * name several countries share ("Congo") is left out: the other places decide which one it is.
 */
function countryHints(mentions: Resolved[], gazetteer: Gazetteer): string[] {
  const counts = new Map<string, number>();
  const shared = new Map<string, boolean>();
  const isShared = (name: string) =>
    shared.get(name) ??
    shared.set(name, gazetteer.candidates(name).filter((p) => p.kind === 'COUNTRY').length > 1).get(name)!;
  for (const m of mentions) {
    const cc = m.demonym ?? m.place?.countryCode;
    if (!cc || (!m.demonym && m.place?.kind !== 'COUNTRY' && (m.place?.population ?? 0) < 100_000)) continue;
    if (m.place?.kind === 'COUNTRY' && isShared(m.name)) continue;
    const weight = m.demonym || m.place?.kind === 'COUNTRY' ? 2 : 1;
    counts.set(cc, (counts.get(cc) ?? 0) + weight);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([cc]) => cc);
}

function toDraft(
  m: Resolved,
  all: Resolved[],
  index: number,
  gazetteer: Gazetteer,
): PlaceMentionDraft | null {
  const base = { start: m.start, end: m.end, asWritten: m.asWritten };
  if (m.role !== 'REFERRING') {
    if (!m.place) return null;
    return {
      ...base,
      coref: false,
      placeKey: m.place.key || null,
      name: m.place.name,
      kind: m.place.kind,
      countryCode: m.place.countryCode,
    };
  }
  const ante = antecedent(m, all, index);
  if (!ante) return null;
  if (ante.place)
    return {
      ...base,
      coref: true,
      placeKey: ante.place.key || null,
      name: ante.place.name,
      kind: ante.place.kind,
      countryCode: ante.place.countryCode,
    };
  const country = gazetteer.get(`cc:${ante.demonym}`);
  return {
    ...base,
    coref: true,
    placeKey: country?.key ?? null,
    name: country?.name ?? ante.demonym ?? '',
    kind: 'COUNTRY',
    countryCode: ante.demonym,
  };
}

/** Most recent earlier place of the kind the phrase names ("the city" → a city; "there" → city or region). */
function antecedent(m: RawMention, all: Resolved[], index: number): Resolved | null {
  for (let i = index - 1; i >= 0; i--) {
    const b = all[i];
    if (b.role === 'REFERRING' || b.role === 'MODIFIER') continue;
    const kind: PlaceKind | null = b.demonym ? 'COUNTRY' : (b.place?.kind ?? null);
    if (!kind) continue;
    if (m.kindHint === null ? kind === 'CITY' || kind === 'REGION' : kind === m.kindHint) return b;
  }
  return null;
}
