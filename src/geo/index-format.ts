import type { Place } from './types.js';

/** Bump whenever the file layout or the spelling key changes: stale caches are rebuilt. */
export const INDEX_VERSION = 4;

/** First word of a cache file; the version and counts follow on the same line. */
const MAGIC = 'news-graph-gazetteer';

/**
 * A place as the builder produces it: the Place fields plus its spelling keys.
 * `alternateNames` excludes `name`.
 */
export interface PlaceRecord extends Required<Place> {
  spellingKeys: string[];
}

/** What the first line of a cache file says. */
export interface IndexHeader {
  version: number;
  placeCount: number;
  keyCount: number;
}

const FIELD = '\t';
export const LIST = '|';

/** Tabs, newlines and the list separator cannot occur inside a stored name. */
function clean(text: string): string {
  return text.replace(/[\t\n\r|]/g, ' ');
}

function placeLine(p: PlaceRecord): string {
  return [
    p.key,
    p.geonameId ?? '',
    clean(p.name),
    p.kind,
    p.countryCode ?? '',
    p.latitude ?? '',
    p.longitude ?? '',
    p.population,
    p.featureCode,
    p.parentKey ?? '',
    p.alternateNames.map(clean).join(LIST),
  ].join(FIELD);
}

/** Byte-wise order, the order the reader's binary search assumes (keys are ASCII). */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Serialises places as the cache file: a header line, one line per place sorted by place
 * key, then one line per spelling key ("key<TAB>row row ...") sorted by key. The reader
 * binary-searches the file's bytes in place, so loading costs one read and one line scan.
 */
export function serialiseIndex(records: PlaceRecord[]): string {
  const places = [...records].sort((a, b) => byBytes(a.key, b.key));
  const rowsByKey = new Map<string, number[]>();
  places.forEach((p, row) => {
    for (const key of p.spellingKeys) {
      const rows = rowsByKey.get(key);
      if (rows) rows.push(row);
      else rowsByKey.set(key, [row]);
    }
  });
  const keys = [...rowsByKey.keys()].sort(byBytes);
  const header = [MAGIC, INDEX_VERSION, places.length, keys.length].join(' ');
  const keyLines = keys.map((k) => `${k}${FIELD}${rowsByKey.get(k)!.join(' ')}`);
  return `${[header, ...places.map(placeLine), ...keyLines].join('\n')}\n`;
}

/** Reads the header line; null when the text is not a cache file of this version. */
export function parseHeader(firstLine: string): IndexHeader | null {
  const [magic, version, placeCount, keyCount] = firstLine.split(' ');
  if (magic !== MAGIC || Number(version) !== INDEX_VERSION) return null;
  return { version: INDEX_VERSION, placeCount: Number(placeCount), keyCount: Number(keyCount) };
}

/** Parses one stored place line back into a Place. */
export function parsePlaceLine(line: string): Place {
  const f = line.split(FIELD);
  const num = (s: string) => (s === '' ? null : Number(s));
  return {
    key: f[0],
    geonameId: num(f[1]),
    name: f[2],
    kind: f[3] as Place['kind'],
    countryCode: f[4] || null,
    latitude: num(f[5]),
    longitude: num(f[6]),
    population: Number(f[7]),
    featureCode: f[8],
    parentKey: f[9] || null,
    alternateNames: f[10] ? f[10].split(LIST) : [],
  };
}
