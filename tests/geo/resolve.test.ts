import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer, PlaceLookupOptions } from '../../src/geo/types.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
});

const keyOf = (name: string, options?: PlaceLookupOptions) => gazetteer.resolve(name, options)?.key ?? null;

describe('resolve: places that must resolve', () => {
  it.each([
    ['Syria', 'cc:SY'],
    ['Iraq', 'cc:IQ'],
    ['Iran', 'cc:IR'],
    ['Raqa', 'gn:172955'],
    ['Raqqa', 'gn:172955'],
    ['Ar-Raqqah', 'gn:172955'],
    ['Deir al-Zor', 'gn:170794'],
    ['Dayr az Zawr', 'gn:170794'],
    ['Deir Ezzor', 'gn:170794'],
    ['al-Mayadin', 'gn:173480'],
    ['Mayadeen', 'gn:173480'],
    ['Minsk', 'gn:625144'],
    ['Kiev', 'gn:703448'],
    ['Kyiv', 'gn:703448'],
    ['Damascus', 'gn:170654'],
    ['Aleppo', 'gn:170063'],
    ['Idlib', 'gn:169389'],
    ['Jordan', 'cc:JO'],
    ['Florida', 'a1:US.FL'],
  ])('%s -> %s', (name, key) => {
    expect(keyOf(name)).toBe(key);
  });

  it('resolves the deliberate country abbreviations and English country names', () => {
    for (const name of ['US', 'U.S.', 'USA', 'America', 'United States of America']) {
      expect(keyOf(name), name).toBe('cc:US');
    }
    for (const name of ['UK', 'U.K.', 'Britain', 'Great Britain']) expect(keyOf(name), name).toBe('cc:GB');
    expect(keyOf('Turkey')).toBe('cc:TR');
  });
});

describe('resolve: false friends', () => {
  it('never reads lone upper-case codes as countries', () => {
    for (const code of ['IS', 'EU', 'UN', 'SY', 'FR']) expect(keyOf(code), code).toBeNull();
    expect(keyOf('Is')).toBeNull();
  });

  it('prefers the country Iraq to the Iranian city Arak that lists "Iraq" as an alias', () => {
    expect(keyOf('Iraq')).toBe('cc:IQ');
    const arak = gazetteer.candidates('Iraq').find((p) => p.key === 'gn:143127');
    expect(arak).toBeDefined();
  });

  it.each(['Syrian', 'Syrians', 'Russian', 'American', 'Iraqi', 'Kurdish', 'Arab'])(
    'never resolves the demonym or people word %s',
    (word) => {
      expect(keyOf(word)).toBeNull();
    },
  );

  it.each(['Of', 'The', 'Said', 'State', 'Islamic State', 'reading', 'nice'])('never resolves %s', (word) => {
    expect(keyOf(word)).toBeNull();
  });

  it('resolves a capitalised common word only for a large place in a hinted country', () => {
    for (const word of ['Reading', 'Best', 'Mobile', 'Man', 'Nice', 'Bath'])
      expect(keyOf(word), word).toBeNull();
    expect(keyOf('Reading', { countryHints: ['GB'] })).toBe('gn:2639577');
    expect(keyOf('reading', { countryHints: ['GB'] })).toBeNull();
    expect(keyOf('Nice', { countryHints: ['FR'] })).toBe('gn:2990440');
    expect(keyOf('Of', { countryHints: ['TR'] })).toBeNull();
    expect(keyOf('Best', { countryHints: ['NL'] })).toBeNull();
  });

  it('reads lone frequent person names as people unless they name a country', () => {
    for (const name of ['Hassan', 'Mohammed', 'Putin', 'Assad']) expect(keyOf(name), name).toBeNull();
  });
});

describe('resolve: hints', () => {
  it('lets a country hint choose among same-named places', () => {
    expect(keyOf('Tripoli')).toBe('gn:2210247');
    expect(keyOf('Tripoli', { countryHints: ['LB'] })).toBe('gn:266826');
    expect(keyOf('Tripoli', { countryHints: ['LY'] })).toBe('gn:2210247');
    expect(keyOf('Marawi', { countryHints: ['PH'] })).toBe('gn:1701053');
  });

  it('lets a country hint pick the region over a country', () => {
    expect(keyOf('Georgia')).toBe('cc:GE');
    expect(keyOf('Georgia', { countryHints: ['US'] })).toBe('a1:US.GA');
  });

  it('resolves a small town known only by an alias when its country is hinted', () => {
    const sukhnah = gazetteer.resolve('Sukhnah', { countryHints: ['SY'] });
    expect(sukhnah?.countryCode).toBe('SY');
  });
});

describe('get and ancestors', () => {
  it('walks Raqqa -> a1:SY.04 -> cc:SY', () => {
    const raqqa = gazetteer.resolve('Raqa')!;
    expect(raqqa.parentKey).toBe('a1:SY.04');
    expect(gazetteer.ancestors(raqqa).map((p) => p.key)).toEqual(['a1:SY.04', 'cc:SY']);
    expect(gazetteer.get('cc:SY')?.parentKey).toBeNull();
    expect(gazetteer.ancestors(gazetteer.get('cc:SY')!)).toEqual([]);
  });

  it('returns undefined for unknown keys', () => {
    expect(gazetteer.get('gn:0')).toBeUndefined();
    expect(gazetteer.get('zz')).toBeUndefined();
  });
});
