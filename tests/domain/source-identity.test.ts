import { describe, expect, it } from 'vitest';
import { sourceKey } from '../../src/domain/names.js';
import { canonicalBodyName, knownAliases } from '../../src/domain/source-identity.js';

const key = (
  name: string,
  kind: Parameters<typeof sourceKey>[1] = 'ORGANIZATION',
  url = 'https://a.example/1',
) => sourceKey(name, kind, url);

describe('source identity across articles', () => {
  it('meets the same body under transliterations, articles and outlet words', () => {
    expect(key('Al-Arabyia TV', 'MEDIA')).toBe(key('Al Arabiya', 'MEDIA'));
    expect(key('The Pentagon', 'GOVERNMENT')).toBe(key('Pentagon', 'GOVERNMENT'));
  });

  it('meets ministries however the country and the spelling are written', () => {
    const ru = key('Russian Defense Ministry', 'GOVERNMENT');
    expect(key("Russia's Defence Ministry", 'GOVERNMENT')).toBe(ru);
    expect(key('Ministry of Defence of Russia', 'GOVERNMENT')).toBe(ru);
    expect(key('Syrian Defense Ministry', 'GOVERNMENT')).not.toBe(ru);
  });

  it('meets bodies known under other names, shown under one name', () => {
    expect(key('US Department of Defense', 'GOVERNMENT')).toBe(key('the Pentagon', 'GOVERNMENT'));
    expect(key('U.S. Department of Defense', 'GOVERNMENT')).toBe(key('Pentagon', 'GOVERNMENT'));
    expect(canonicalBodyName('Defense Department')).toBe('Pentagon');
    expect(knownAliases('Pentagon')).toContain('US Department of Defense');
    expect(canonicalBodyName('Reuters')).toBeNull();
  });

  it('never merges people on a shared surname, nor different people with similar spellings', () => {
    expect(key('Dillon', 'PERSON')).not.toBe(key('Ryan Dillon', 'PERSON'));
    expect(key('Ryan Dillon', 'PERSON')).not.toBe(key('Rian Dilon', 'PERSON'));
    expect(key('Ryan Dillon', 'PERSON')).toBe(key('ryan dillon', 'PERSON'));
  });

  it('keeps anonymous sources apart per article', () => {
    const a = key('a Syrian military source', 'ANONYMOUS', 'https://a.example/1');
    expect(key('a Syrian military source', 'ANONYMOUS', 'https://a.example/2')).not.toBe(a);
    expect(key('a Syrian military source', 'ANONYMOUS', 'https://a.example/1')).toBe(a);
  });
});
