import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { stripRegionWord } from '../../src/geo/region-words.js';
import type { Gazetteer } from '../../src/geo/types.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
});

describe('stripRegionWord', () => {
  it.each([
    ['Deir al-Zor Province', 'Deir al-Zor'],
    ['Raqqa Governorate', 'Raqqa'],
    ['Idlib province', 'Idlib'],
    ['Donetsk Oblast', 'Donetsk'],
    ['Washington State', 'Washington'],
    ['Province of Idlib', 'Idlib'],
  ])('%s -> %s', (name, base) => {
    expect(stripRegionWord(name)).toEqual({ base, stripped: true });
  });

  it('leaves names without a region word, and a bare region word, alone', () => {
    expect(stripRegionWord('Deir al-Zor')).toEqual({ base: 'Deir al-Zor', stripped: false });
    expect(stripRegionWord('State')).toEqual({ base: 'State', stripped: false });
  });
});

describe('regions', () => {
  it('reads a region word as the REGION hint', () => {
    expect(gazetteer.resolve('Deir al-Zor Province')?.key).toBe('a1:SY.07');
    expect(gazetteer.resolve('Raqqa Governorate')?.key).toBe('a1:SY.04');
    expect(gazetteer.resolve('Idlib province')?.key).toBe('a1:SY.12');
    expect(gazetteer.resolve('Washington State')?.key).toBe('a1:US.WA');
  });

  it('gives the city for a bare name and the region for an explicit REGION hint', () => {
    expect(gazetteer.resolve('Deir al-Zor')?.key).toBe('gn:170794');
    expect(gazetteer.resolve('Deir al-Zor', { kindHint: 'REGION' })?.key).toBe('a1:SY.07');
    expect(
      gazetteer
        .candidates('Deir al-Zor')
        .map((p) => p.key)
        .slice(0, 2),
    ).toEqual(['gn:170794', 'a1:SY.07']);
  });

  it('finds regions whose own name carries the region word', () => {
    expect(gazetteer.resolve('Kyiv Oblast')?.key).toBe('a1:UA.13');
    expect(gazetteer.resolve('Damascus Governorate')?.key).toBe('a1:SY.13');
  });

  it('gives regions a seat location, summed population and the country as parent', () => {
    const region = gazetteer.get('a1:SY.07')!;
    const city = gazetteer.get('gn:170794')!;
    expect(region).toMatchObject({
      kind: 'REGION',
      countryCode: 'SY',
      parentKey: 'cc:SY',
      featureCode: 'ADM1',
    });
    expect([region.latitude, region.longitude]).toEqual([city.latitude, city.longitude]);
    expect(region.population).toBeGreaterThan(city.population);
    expect(region.alternateNames).toContain('Dayr az Zawr');
  });
});

describe('candidates', () => {
  it('ranks exact names, then hints, kind, feature code and population', () => {
    const tripoli = gazetteer.candidates('Tripoli').map((p) => p.key);
    expect(tripoli.slice(0, 2)).toEqual(['gn:2210247', 'gn:266826']);
    expect(gazetteer.candidates('Tripoli', { countryHints: ['LB'] })[0].key).toBe('gn:266826');
  });

  it('puts countries before cities on an equal-key tie', () => {
    expect(gazetteer.candidates('Iraq')[0].key).toBe('cc:IQ');
  });

  it('returns nothing for non-places', () => {
    expect(gazetteer.candidates('IS')).toEqual([]);
    expect(gazetteer.candidates('Syrian')).toEqual([]);
    expect(gazetteer.candidates('')).toEqual([]);
  });

  it('keeps only Latin-script alternate names and no codes', () => {
    const deir = gazetteer.get('gn:170794')!;
    expect(
      deir.alternateNames.every((n) => /^[\p{Script=Latin}\p{M}\p{N}\s'’‘ʼʻʿʾ`´.,()&/-]+$/u.test(n)),
    ).toBe(true);
    expect(deir.alternateNames).not.toContain('DEZ');
  });
});
