import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { extract } from './helpers.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
});

const speakers = (text: string) =>
  extract(text, gazetteer).claims.map((c) => [c.speakerText, c.speaker?.name ?? null]);

describe('reporting acts', () => {
  it('splits "X said A, adding B" into two claims by the same speaker', () => {
    const a = extract(
      'Harbour master Lena Vogt said the ferry would sail at noon, adding that tickets were sold out.',
      gazetteer,
    );
    expect(a.claims).toHaveLength(2);
    expect(a.claims.map((c) => c.speaker?.name)).toEqual(['Lena Vogt', 'Lena Vogt']);
    expect(a.claims[1].text.startsWith('adding')).toBe(true);
  });

  it('gives each of two speakers in one sentence a claim', () => {
    expect(
      speakers(
        'On Friday, Chief Nurse Ada Brun and Mayor Tom Hale had called on drivers to avoid the bridge.',
      ),
    ).toEqual([
      ['Chief Nurse Ada Brun', 'Ada Brun'],
      ['Mayor Tom Hale', 'Tom Hale'],
    ]);
  });

  it('reads "according to X" and speakers after the content', () => {
    expect(speakers('The dam will reopen next week, according to the regional water board.')).toEqual([
      ['the regional water board', 'regional water board'],
    ]);
    expect(speakers('The bridge was closed for repairs, a local engineer said on Monday.')).toEqual([
      ['a local engineer', 'local engineer'],
    ]);
  });

  it('records the outlet a statement was given to as via', () => {
    const a = extract('Two officials told Reuters that the talks had stalled.', gazetteer);
    expect(a.claims[0].via).toBe('Reuters');
    expect(a.claims[0].speaker?.kind).toBe('ANONYMOUS');
  });

  it('treats unnamed sources as anonymous and plural populations as groups', () => {
    const a = extract(
      'A senior police source said the road was blocked. Farmers say the harvest is lost.',
      gazetteer,
    );
    expect(a.claims.map((c) => c.speaker?.kind)).toEqual(['ANONYMOUS', 'GROUP']);
  });

  it('does not take a directive ("told X to leave") or a description ("who say") as a claim', () => {
    expect(extract('After he told the guard to leave, the man ran off.', gazetteer).claims).toHaveLength(0);
    expect(extract('Police met the strikers, who say they are unpaid.', gazetteer).claims).toHaveLength(0);
  });

  it('keeps a follow-on quote without a verb as a claim of the same speaker', () => {
    const a = extract(
      '"The pumps are working," said engineer Maria Lopes. "We expect the water to drop by Friday morning."',
      gazetteer,
    );
    expect(a.claims).toHaveLength(2);
    expect(a.claims[1].speakerText).toBeNull();
    expect(a.claims[1].speaker?.name).toBe('Maria Lopes');
    expect(a.claims[0].quote).toBe('DIRECT');
  });

  it('dates "in a statement on <month day>" with the publication year', () => {
    const a = extract(
      'Town Daily\n\nPort reopens after storm\n\n3 March 2021\n\nIn a statement on February 27, the port authority said the cranes were safe.',
      gazetteer,
    );
    expect(a.claims[0].claimedAt).toBe('2021-02-27');
  });
});

describe('speaker coreference', () => {
  it('resolves a pronoun to the named person who spoke just before', () => {
    const a = extract(
      'Fire chief Omar Haddad said the blaze was under control. He said two homes were lost.',
      gazetteer,
    );
    expect(a.claims[1].speakerText).toBe('He');
    expect(a.claims[1].speaker?.name).toBe('Omar Haddad');
  });

  it('leaves a pronoun unresolved after an unnamed source', () => {
    const a = extract(
      'A rescue source said the tunnel had flooded. The pumps failed overnight, he said.',
      gazetteer,
    );
    expect(a.claims).toHaveLength(2);
    expect(a.claims[1].speakerText).toBe('he');
    expect(a.claims[1].speaker).toBeNull();
  });

  it('resolves a surname and a definite description to the full speaker', () => {
    const a = extract(
      'Club coach Rita Moreno said the team was tired. Moreno said the pitch was poor. The coach also said rest would help.',
      gazetteer,
    );
    expect(a.claims.map((c) => c.speaker?.name)).toEqual(['Rita Moreno', 'Rita Moreno', 'Rita Moreno']);
  });

  it('strips titles and keeps the organisation as affiliation', () => {
    const a = extract('Acme Chief Executive Paul Dorn said sales rose.', gazetteer);
    expect(a.claims[0].speaker).toMatchObject({ name: 'Paul Dorn', kind: 'PERSON', affiliation: 'Acme' });
  });
});

describe('coordinated reporting verbs', () => {
  it('reads "… and forecast that …" as an act of the subject but not a participle before a noun', () => {
    expect(speakers('Mayor Tom Hale closed the bridge and forecast that traffic would ease.')).toEqual([
      ['Mayor Tom Hale', 'Tom Hale'],
    ]);
    expect(
      speakers('The ministry has reported 23 deaths, counting suspected, probable and confirmed ones.'),
    ).toHaveLength(1);
  });
});

describe('official warnings', () => {
  it('reads "issued/put a … warning" as a statement, other objects of "issue"/"put" not', () => {
    expect(speakers('The weather service issued a flood warning for Cork.')).toEqual([
      ['The weather service', 'weather service'],
    ]);
    expect(speakers('Officials put the figure at 20. The agency issued new rules for Lyon.')).toEqual([]);
  });
});
