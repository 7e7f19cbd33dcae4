import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gazetteerFromBytes, loadGazetteer, openOrBuildSync } from '../../src/geo/gazetteer.js';
import { INDEX_VERSION, type PlaceRecord, parseHeader, serialiseIndex } from '../../src/geo/index-format.js';

const dir = mkdtempSync(join(tmpdir(), 'gazetteer-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (key: string, name: string, extra: Partial<PlaceRecord> = {}): PlaceRecord => ({
  key,
  geonameId: null,
  name,
  kind: 'CITY',
  countryCode: 'SY',
  latitude: 1,
  longitude: 2,
  population: 10_000,
  alternateNames: [],
  parentKey: null,
  featureCode: 'PPL',
  spellingKeys: [name.toLowerCase()],
  ...extra,
});

describe('cache file format', () => {
  it('round-trips places and finds them by key and spelling key', () => {
    const bytes = Buffer.from(
      serialiseIndex([
        record('gn:2', 'Beta', { alternateNames: ['B|eta'] }),
        record('gn:1', 'Alpha', { parentKey: 'cc:SY' }),
        record('cc:SY', 'Syria', { kind: 'COUNTRY', featureCode: 'PCLI' }),
      ]),
    );
    const g = gazetteerFromBytes(bytes);
    expect(g.get('gn:2')).toMatchObject({ name: 'Beta', alternateNames: ['B eta'], population: 10_000 });
    expect(g.resolve('alpha')?.key).toBe('gn:1');
    expect(g.ancestors(g.get('gn:1')!).map((p) => p.key)).toEqual(['cc:SY']);
  });

  it('rejects headers of other versions', () => {
    expect(parseHeader(`news-graph-gazetteer ${INDEX_VERSION} 1 1`)).not.toBeNull();
    expect(parseHeader(`news-graph-gazetteer ${INDEX_VERSION - 1} 1 1`)).toBeNull();
    expect(parseHeader('{"version":1}')).toBeNull();
  });

  it('rebuilds a stale cache in place', () => {
    const path = join(dir, 'stale.tsv');
    writeFileSync(path, 'news-graph-gazetteer 1 0 0\n');
    const reader = openOrBuildSync(path);
    expect(reader.header.placeCount).toBeGreaterThan(150_000);
    expect(parseHeader(readFileSync(path, 'latin1').slice(0, 100).split('\n')[0])).not.toBeNull();
  });
});

describe('loadGazetteer', () => {
  it('memoises one instance per process', async () => {
    const [a, b] = await Promise.all([loadGazetteer(), loadGazetteer()]);
    expect(a).toBe(b);
    expect(await loadGazetteer()).toBe(a);
  });
});
