import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { extract } from './helpers.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
});

const places = (text: string) =>
  extract(text, gazetteer).claims.map((c) =>
    c.places.map((p) => `${p.asWritten}=${p.countryCode}/${p.kind}${p.coref ? '*' : ''}`),
  );

describe('claim places', () => {
  it('skips the dateline but keeps places in the claim', () => {
    expect(
      places('Bus fares rise\n\nMADRID (Reuters) - Transport officials said fares in Seville would rise.'),
    ).toEqual([['Seville=ES/CITY']]);
  });

  it('skips place words inside organisation names and "-backed" modifiers', () => {
    expect(places('The New York Stock Exchange said trading in Texas-based firms was halted.')).toEqual([[]]);
  });

  it('skips demonyms', () => {
    expect(places('Kenyan officials said the drought was severe.')).toEqual([[]]);
  });

  it('resolves "the city" to the city named before it', () => {
    const out = places('Floods hit Lyon on Monday.\nA Red Cross worker said shelters in the city were full.');
    expect(out).toEqual([['the city=FR/CITY*']]);
  });

  it('reads "X Province" as the region', () => {
    const a = extract('Aid workers said roads in Kandahar Province were cut.', gazetteer);
    expect(a.claims[0].places[0]).toMatchObject({
      asWritten: 'Kandahar Province',
      kind: 'REGION',
      countryCode: 'AF',
    });
  });

  it('keeps offsets into the body', () => {
    const a = extract('Aid workers said roads near Mosul were cut.', gazetteer);
    const p = a.claims[0].places[0];
    expect(a.body.slice(p.start, p.end)).toBe(p.asWritten);
    expect(a.body.slice(a.claims[0].start, a.claims[0].end)).toBe(a.claims[0].text);
  });

  it('resolves "his state’s" to the region named in the speaker’s title', () => {
    const out = places(
      "Oregon's Governor Kate Brown closed his state’s parks and said crews would clear the trails.",
    );
    expect(out.flat()).toContain('his state=US/REGION*');
  });

  it('reads "Congo" as the Congo the other places of the page are in', () => {
    const kinshasa = places(
      'Doctors in Kinshasa said cases in Congo were rising.\nNurses in Kinshasa said Congo needed vaccines.',
    );
    expect(kinshasa.flat()).toContain('Congo=CD/COUNTRY');
    const brazzaville = places(
      'Doctors in Brazzaville said cases in Congo were rising.\nNurses in Pointe-Noire said Congo needed vaccines.',
    );
    expect(brazzaville.flat()).toContain('Congo=CG/COUNTRY');
  });

  it('skips a place inside a proper name or title after "of"/"for", but not a geographic head', () => {
    expect(
      places(
        'The vote went to the ruling party, the Union for the Renewal of the Comoros, officials said.',
      ).flat(),
    ).toEqual([]);
    expect(places('The Bank of England said prices in Leeds rose.').flat()).toEqual(['Leeds=GB/CITY']);
    expect(places('Officials said aid reached the Democratic Republic of Congo.').flat()).toEqual([
      'Congo=CD/COUNTRY',
    ]);
  });

  it('keeps a place the speaker’s words locate with "in"/"for", not one in a title', () => {
    expect(
      places('The electoral commission for Anjouan, the densest island, said turnout was 70%.').flat(),
    ).toEqual(['Anjouan=KM/REGION']);
    expect(places("Oregon's Governor Kate Brown said crews would clear the trails.").flat()).toEqual([]);
  });

  it('takes places before the speaker in the claim’s sentence, but not the venue of the statement', () => {
    expect(
      places(
        'On Tuesday, orders were in force in three U.S. states, with forecasters urging people to leave.',
      ).flat(),
    ).toEqual(['U.S.=US/COUNTRY']);
    expect(
      places('At a news conference in Madrid, the minister said prices in Lyon were rising.').flat(),
    ).toEqual(['Lyon=FR/CITY']);
  });
});
