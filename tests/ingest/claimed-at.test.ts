import { beforeAll, describe, expect, it } from 'vitest';
import { isDemonym } from '../../src/geo/demonyms.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { extractArticle } from '../../src/ingest/extract-article.js';

describe('when a statement was made', () => {
  let gazetteer: Gazetteer;
  const claimedAt = (sentence: string) =>
    extractArticle({ url: 'https://t.example/', text: sentence, publishedAt: '2019-03-09' }, gazetteer, {
      demonymCountry: isDemonym,
    }).claims.map((c) => c.claimedAt);

  beforeAll(async () => {
    gazetteer = await loadGazetteer();
  });

  it('reads a date before the reporting verb or in the words between it and what was said', () => {
    expect(claimedAt('On March 3, the port authority said the cranes were idle.')).toEqual(['2019-03-03']);
    expect(claimedAt('The port authority said on March 3 that the cranes were idle.')).toEqual([
      '2019-03-03',
    ]);
    expect(
      claimedAt('The port authority said in a notice issued on 4 March that the cranes were idle.'),
    ).toEqual(['2019-03-04']);
  });

  it('does not take a date inside what was said as the date it was said', () => {
    expect(claimedAt('The port authority said that the cranes stopped on March 3.')).toEqual([null]);
  });
});
