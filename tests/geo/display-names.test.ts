import { beforeAll, describe, expect, it } from 'vitest';
import { cityDisplayName, invertedShortNames, regionDisplayName } from '../../src/geo/display-names.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
});

describe('display names', () => {
  it('names a seat city after the region of the same spelling, else its ASCII form with a hyphenated article', () => {
    expect(cityDisplayName('Ar Raqqah', 'Ar Raqqah', 'Raqqa')).toBe('Raqqa');
    expect(cityDisplayName('Al Mayādīn', 'Al Mayadin', null)).toBe('Al-Mayadin');
    expect(cityDisplayName('Idlib', 'Idlib', 'Ḩalab')).toBe('Idlib');
    expect(cityDisplayName('El Paso', 'El Paso', null)).toBe('El Paso');
    expect(regionDisplayName('Équateur')).toBe('Equateur');
  });

  it('reads short names from inverted official spellings only', () => {
    expect(
      invertedShortNames([
        'Congo, the Democratic Republic of the',
        'Korea, Republic of',
        'Virgin Islands, British',
        'DRC',
      ]),
    ).toEqual(['Congo', 'Korea']);
  });

  it('gives the built index English common names, keeping the GeoNames name as an alternate', () => {
    const raqqa = gazetteer.resolve('Raqa');
    expect(raqqa?.name).toBe('Raqqa');
    expect(raqqa?.alternateNames).toContain('Ar Raqqah');
    expect(gazetteer.resolve('al-Mayadin')?.name).toBe('Al-Mayadin');
    expect(gazetteer.resolve('Deir al-Zor')?.name).toBe('Deir ez-Zor');
  });

  it('lets "Congo" mean either Congo, the document deciding', () => {
    const codes = gazetteer
      .candidates('Congo')
      .filter((p) => p.kind === 'COUNTRY')
      .map((p) => p.countryCode)
      .sort();
    expect(codes).toEqual(['CD', 'CG']);
    expect(gazetteer.resolve('Congo', { countryHints: ['CG'] })?.countryCode).toBe('CG');
    expect(gazetteer.resolve('Congo', { countryHints: ['CD'] })?.countryCode).toBe('CD');
  });
});
