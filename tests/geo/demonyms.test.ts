import { describe, expect, it } from 'vitest';
import { isDemonym, isPeopleWord } from '../../src/geo/demonyms.js';
import { distanceKm, haversineKm } from '../../src/geo/nearby.js';
import type { Place } from '../../src/geo/types.js';

describe('isDemonym', () => {
  it.each([
    ['Syrian', 'SY'],
    ['Syrians', 'SY'],
    ['Russian', 'RU'],
    ['American', 'US'],
    ['Americans', 'US'],
    ['British', 'GB'],
    ['Iraqi', 'IQ'],
    ['Emirati', 'AE'],
  ])('%s -> %s', (word, cc) => {
    expect(isDemonym(word)).toBe(cc);
  });

  it('is null for country names and for peoples without a country', () => {
    expect(isDemonym('Syria')).toBeNull();
    expect(isDemonym('Djibouti')).toBeNull();
    expect(isDemonym('Kurdish')).toBeNull();
    expect(isPeopleWord('Kurdish')).toBe(true);
    expect(isPeopleWord('Syria')).toBe(false);
  });
});

describe('haversineKm', () => {
  it('measures Damascus to Aleppo at about 300 km', () => {
    expect(haversineKm(33.5102, 36.2913, 36.2021, 37.1343)).toBeCloseTo(309, -1);
  });

  it('is null when a place has no coordinates', () => {
    const p = { latitude: null, longitude: null } as Place;
    expect(distanceKm(p, p)).toBeNull();
  });
});
