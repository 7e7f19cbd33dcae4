import { nameKey } from '../domain/names.js';
import type { Place } from '../geo/types.js';
import type { QuoteKind, SourceKind } from '../ingest/types.js';
import { HOT_COUNTRIES } from './city-pool.js';
import { createRng, deriveRng, intBetween, pick, type Rng, shuffle, zipfSampler } from './random.js';
import {
  CLAIMS_WITH_PLACES,
  CLAIMS_WITHOUT_PLACES,
  FILLER,
  FIRST_NAMES,
  LAST_NAMES,
  MIDDLE_INITIALS,
  ORG_TEMPLATES,
  OUTLETS,
  ROLES,
  UNRESOLVED_SPEAKERS,
} from './vocabulary.js';

export interface DatasetOptions {
  seed: number;
  /** Total number of claims; articles carry 2-10 each. */
  claims: number;
}

export interface GeneratedSource {
  key: string;
  name: string;
  kind: SourceKind;
  affiliation: string | null;
  aliases: string[];
}

/** A mentionable place with its containment chain, nearest first (as `Gazetteer.ancestors`). */
export interface GeneratedPlace {
  place: Place;
  ancestors: Place[];
}

export interface GeneratedMention {
  placeKey: string;
  asWritten: string;
  start: number;
  end: number;
}

export interface GeneratedClaim {
  /** Index into `Dataset.sources`; null for an unresolved speaker ("he said"). */
  sourceIndex: number | null;
  speakerText: string;
  text: string;
  quote: QuoteKind;
  start: number;
  end: number;
  claimedAt: Date;
  mentions: GeneratedMention[];
}

export interface GeneratedArticle {
  /** 0-based position in the dataset; related links point at earlier ones by index. */
  index: number;
  /** Dataset-wide number of this article's first claim (claims are numbered in order). */
  firstClaim: number;
  url: string;
  title: string;
  body: string;
  publishedAt: Date;
  outlet: string;
  claims: GeneratedClaim[];
  relatedLinks: { title: string; url: string; targetIndex: number }[];
}

export interface Dataset {
  options: DatasetOptions;
  sources: GeneratedSource[];
  places: GeneratedPlace[];
  /** Articles in order; each call replays the same sequence (nothing is held in memory). */
  articles(): Generator<GeneratedArticle>;
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2023, 0, 1);

/** Pool sizes grow with the dataset so the tail stays long at 1M claims. */
function poolSizes(claims: number) {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  return { sources: clamp(claims / 25, 40, 40_000), places: clamp(claims / 100, 60, 5_000) };
}

/**
 * A deterministic synthetic news dataset: the same options and cities always give the same rows.
 * Sources and places are drawn Zipf-like (a few very frequent), every claim and place mention
 * is a real span of its article's body. Pure: no I/O; `cities` come from `loadNewsCities`.
 */
export function generateDataset(
  options: DatasetOptions,
  cities: readonly Place[],
  ancestorsOf: (place: Place) => Place[],
): Dataset {
  const sizes = poolSizes(options.claims);
  const places = pickPlaces(deriveRng(options.seed, 'places'), cities, sizes.places, ancestorsOf);
  const sources = makeSources(deriveRng(options.seed, 'sources'), places, sizes.sources);
  return { options, sources, places, articles: () => articleStream(options, sources, places) };
}

/**
 * `count` cities drawn for the Zipf ranking: all hot-country cities in seeded order, then the
 * others. The order depends on the seed only, not on `count`, so the busiest places are the
 * same at 10k and 1M claims and latency can be compared across sizes.
 */
function pickPlaces(rng: Rng, cities: readonly Place[], count: number, ancestorsOf: (p: Place) => Place[]) {
  const isHot = (p: Place) => HOT_COUNTRIES.includes(p.countryCode ?? '');
  const ranked = [
    ...shuffle(rng, cities.filter(isHot)),
    ...shuffle(
      rng,
      cities.filter((p) => !isHot(p)),
    ),
  ];
  return ranked.slice(0, count).map((place) => ({ place, ancestors: ancestorsOf(place) }));
}

function makeSources(rng: Rng, places: GeneratedPlace[], count: number): GeneratedSource[] {
  const byKey = new Map<string, GeneratedSource>();
  for (let attempt = 0; byKey.size < count && attempt < count * 20; attempt++) {
    const source = rng() < 0.55 ? person(rng) : organisation(rng, places);
    if (!byKey.has(source.key)) byKey.set(source.key, source);
  }
  return [...byKey.values()];
}

function person(rng: Rng): GeneratedSource {
  const first = pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  const name = rng() < 0.5 ? `${first} ${last}` : `${first} ${pick(rng, MIDDLE_INITIALS)}. ${last}`;
  return {
    key: nameKey(name),
    name,
    kind: 'PERSON',
    affiliation: pick(rng, ROLES),
    aliases: [`${first} ${last}`],
  };
}

function organisation(rng: Rng, places: GeneratedPlace[]): GeneratedSource {
  const template = pick(rng, ORG_TEMPLATES);
  const name = template.name.replace('{P}', pick(rng, places).place.name);
  return { key: nameKey(name), name, kind: template.kind, affiliation: null, aliases: [] };
}

/** Spellings a writer might use: the English name mostly, sometimes a Latin-script alternate. */
function spelling(rng: Rng, place: Place): string {
  if (rng() < 0.8) return place.name;
  const latin = place.alternateNames.filter((n) => /^[A-Za-z][A-Za-z' -]{1,30}$/.test(n));
  return latin.length > 0 ? pick(rng, latin) : place.name;
}

function* articleStream(options: DatasetOptions, sources: GeneratedSource[], places: GeneratedPlace[]) {
  const rng = createRng(options.seed);
  const sourceRank = zipfSampler(sources.length);
  const placeRank = zipfSampler(places.length);
  let remaining = options.claims;
  for (let index = 0; remaining > 0; index++) {
    const count = Math.min(remaining, intBetween(rng, 2, 10));
    const firstClaim = options.claims - remaining;
    remaining -= count;
    const drawSource = () => {
      const i = sourceRank(rng);
      return { index: i, name: sources[i].name };
    };
    yield {
      ...buildArticle(rng, index, count, options.seed, drawSource, () => places[placeRank(rng)]),
      firstClaim,
    };
  }
}

type SourceDraw = () => { index: number; name: string };

interface BodyBuilder {
  text: string;
  add(piece: string): number;
}

function bodyBuilder(): BodyBuilder {
  const b = {
    text: '',
    add(piece: string) {
      const at = b.text.length;
      b.text += piece;
      return at;
    },
  };
  return b;
}

function buildArticle(
  rng: Rng,
  index: number,
  claimCount: number,
  seed: number,
  drawSource: SourceDraw,
  drawPlace: () => GeneratedPlace,
): Omit<GeneratedArticle, 'firstClaim'> {
  const publishedAt = new Date(EPOCH + intBetween(rng, 0, 730) * DAY_MS + intBetween(rng, 0, 86_399) * 1000);
  const lead = drawPlace();
  const outlet = pick(rng, OUTLETS);
  const title = `Update from ${lead.place.name}: day ${intBetween(rng, 1, 400)}`;
  const body = bodyBuilder();
  body.add(`${title}\n\n${outlet}, ${publishedAt.toISOString().slice(0, 10)}. `);
  const claims: GeneratedClaim[] = [];
  for (let i = 0; i < claimCount; i++) {
    claims.push(writeClaim(rng, body, i === 0 ? lead : drawPlace(), drawPlace, drawSource, publishedAt));
    if (rng() < 0.5) body.add(`${pick(rng, FILLER)} `);
  }
  const relatedLinks = Array.from({ length: index === 0 ? 0 : intBetween(rng, 0, 3) }, () => {
    const targetIndex = intBetween(rng, Math.max(0, index - 500), index - 1);
    return { title: `Earlier: update ${targetIndex}`, url: articleUrl(seed, targetIndex), targetIndex };
  });
  return {
    index,
    url: articleUrl(seed, index),
    title,
    body: body.text.trimEnd(),
    publishedAt,
    outlet,
    claims,
    relatedLinks,
  };
}

/** URL of the generated article at `index`; stable for a seed. */
export function articleUrl(seed: number, index: number): string {
  return `https://bench.news-graph.example/${seed}/${index}`;
}

function writeClaim(
  rng: Rng,
  body: BodyBuilder,
  first: GeneratedPlace,
  drawPlace: () => GeneratedPlace,
  drawSource: SourceDraw,
  publishedAt: Date,
): GeneratedClaim {
  const source = rng() < 0.03 ? null : drawSource();
  const speakerText = source ? source.name : pick(rng, UNRESOLVED_SPEAKERS);
  const template = rng() < 0.9 ? pick(rng, CLAIMS_WITH_PLACES) : pick(rng, CLAIMS_WITHOUT_PLACES);
  const quote: QuoteKind = rng() < 0.4 ? 'DIRECT' : rng() < 0.85 ? 'INDIRECT' : 'PARTIAL';
  const slots = {
    P: spellingOf(rng, first),
    Q: spellingOf(rng, drawPlace()),
    N: String(intBetween(rng, 2, 90)),
  };
  const written = placeClaimText(body, template, slots, quote, speakerText);
  return { ...written, sourceIndex: source?.index ?? null, speakerText, quote, claimedAt: publishedAt };
}

function spellingOf(rng: Rng, target: GeneratedPlace) {
  // One mention in ten names the region or country instead of the city.
  const chain = [target.place, ...target.ancestors];
  const place = rng() < 0.9 ? target.place : (chain[intBetween(rng, 1, chain.length - 1)] ?? target.place);
  return { key: place.key, written: spelling(rng, place) };
}

/** Writes "<speaker> said <claim>." (or the quoted form) and records every span. */
function placeClaimText(
  body: BodyBuilder,
  template: string,
  slots: { P: { key: string; written: string }; Q: { key: string; written: string }; N: string },
  quote: QuoteKind,
  speakerText: string,
) {
  const parts = template.split(/(\{[PQN]\})/).filter((p) => p.length > 0);
  const opening = quote === 'DIRECT' ? '"' : `${speakerText} said `;
  body.add(opening);
  const start = body.text.length;
  const mentions: GeneratedMention[] = [];
  for (const part of parts) {
    const slot = part === '{P}' ? slots.P : part === '{Q}' ? slots.Q : null;
    if (slot) {
      const at = body.add(slot.written);
      mentions.push({
        placeKey: slot.key,
        asWritten: slot.written,
        start: at,
        end: at + slot.written.length,
      });
    } else body.add(part === '{N}' ? slots.N : part);
  }
  const end = body.text.length;
  body.add(quote === 'DIRECT' ? `," ${speakerText} said. ` : '. ');
  return { text: body.text.slice(start, end), start, end, mentions };
}
