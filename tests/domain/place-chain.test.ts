import { beforeAll, describe, expect, it } from 'vitest';
import { placeForMention } from '../../src/domain/place-chain.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';

const mention = (name: string, placeKey: string | null = null) => ({
  name,
  asWritten: name,
  start: 0,
  end: name.length,
  coref: false,
  placeKey,
  kind: null,
  countryCode: null,
});

describe('placeForMention', () => {
  let gazetteer: Gazetteer;
  beforeAll(async () => {
    gazetteer = await loadGazetteer();
  });

  it('resolves names for importers, with the containment chain', () => {
    const { place, ancestors } = placeForMention(mention('Raqa'), gazetteer, ['SY']);
    expect(place).toMatchObject({ name: 'Raqqa', kind: 'CITY', countryCode: 'SY' });
    expect(ancestors.map((a) => a.kind)).toEqual(['REGION', 'COUNTRY']);
  });

  it('keeps a keyless mention from the extractor local rather than guessing by name', () => {
    const guessed = placeForMention(mention('Raqa'), gazetteer, [], true).place.key;
    expect(guessed).toMatch(/^gn:/);
    const local = placeForMention(mention('Raqa'), gazetteer, [], false);
    expect(local.place).toMatchObject({ key: 'x:raka', kind: 'OTHER', geonameId: null });
    expect(local.ancestors).toEqual([]);
  });

  it('uses the key when the extractor gave one', () => {
    const { place } = placeForMention(mention('the city', 'cc:SY'), gazetteer, [], false);
    expect(place.name).toBe('Syria');
  });
});
