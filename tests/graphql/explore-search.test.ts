import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { LocationByName } from '../../src/client/operations/locations.js';
import { FuzzyNames, SearchText } from '../../src/client/operations/search.js';
import { SourceByName } from '../../src/client/operations/sources.js';
import { findLocationByName } from '../../src/domain/locations.js';
import { findSourceByName } from '../../src/domain/sources.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { articleInput } from '../helpers/factories.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

const titled = articleInput({
  url: 'https://wire.example/apricots',
  title: 'Apricot harvest in Hama',
  publishedAt: '2017-07-01',
  claims: [
    {
      text: 'Al Arabiya reported that the harvest in Hama was early.',
      speaker: { name: 'Al Arabiya', kind: 'MEDIA' },
      places: [{ name: 'Hama', kind: 'CITY', countryCode: 'SY' }],
    },
  ],
});
const mentioned = articleInput({
  url: 'https://wire.example/markets',
  title: 'Markets',
  publishedAt: '2017-07-02',
  claims: [{ text: 'A trader said apricot prices fell.', speaker: { name: 'a trader', kind: 'ANONYMOUS' } }],
});

describe.each(drivers)('search on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of [demoImportInput(), seedAsImportInput(), titled, mentioned]) {
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  it('ranks articles with the words in the title first and highlights the matches', async () => {
    const { data, errors } = await executeOperation(server.yoga, SearchText, { query: 'apricots' });
    expect(errors).toBeUndefined();
    const edges = data?.searchArticles.edges ?? [];
    expect(edges.map((e) => e.node.url)).toEqual([titled.url, mentioned.url]);
    expect(edges[0].rank).toBeGreaterThan(edges[1].rank);
    expect(edges[0].snippet).toContain('«Apricot»');
    expect(data?.searchClaims.edges.map((e) => e.node.text)).toEqual(['A trader said apricot prices fell.']);
    expect(data?.searchClaims.edges[0].snippet).toContain('«apricot»');
  });

  it('searches claims with web-search syntax and pages with totalCount', async () => {
    const all = await executeOperation(server.yoga, SearchText, { query: 'Raqqa', first: 100 });
    const total = all.data?.searchClaims.totalCount ?? 0;
    expect(total).toBeGreaterThan(2);
    const firstPage = await executeOperation(server.yoga, SearchText, { query: 'Raqqa', first: 1 });
    expect(firstPage.data?.searchArticles.pageInfo.hasNextPage).toBe(true);
    const next = await executeOperation(server.yoga, SearchText, {
      query: 'Raqqa',
      first: 1,
      after: firstPage.data?.searchArticles.pageInfo.endCursor,
    });
    expect(next.data?.searchArticles.edges[0].node.url).not.toBe(
      firstPage.data?.searchArticles.edges[0].node.url,
    );
    const excluded = await executeOperation(server.yoga, SearchText, {
      query: 'Raqqa -civilians',
      first: 100,
    });
    expect(excluded.data?.searchClaims.totalCount).toBeLessThan(total);
    expect(excluded.data?.searchClaims.edges.every((e) => !/civilians/i.test(e.node.text))).toBe(true);
  });

  it('rejects an empty query as a user error', async () => {
    const { errors } = await executeOperation(server.yoga, SearchText, { query: '   ' });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['Deir Ezzor', 'Deir al-Zor'],
    ['Mayadeen', 'al-Mayadin'],
    ['Rakka', 'Raqqa'],
  ])('finds the place meant by "%s" (as the exact spelling "%s" resolves)', async (typed, spelling) => {
    const exact = await executeOperation(server.yoga, LocationByName, { name: spelling });
    const expected = exact.data?.location?.id;
    expect(expected).toBeTruthy();
    const { data, errors } = await executeOperation(server.yoga, FuzzyNames, { name: typed });
    expect(errors).toBeUndefined();
    const top = data?.searchLocations.edges[0];
    expect(top?.node.id).toBe(expected);
    expect(top?.similarity).toBeGreaterThan(0.3);
  });

  it('finds a source under a misspelt name, most similar first', async () => {
    const { data } = await executeOperation(server.yoga, FuzzyNames, { name: 'Al-Arabyia' });
    expect(data?.searchSources.edges[0].node).toEqual({ name: 'Al Arabiya', kind: 'MEDIA' });
    const similarities = data?.searchSources.edges.map((e) => e.similarity) ?? [];
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    const none = await executeOperation(server.yoga, FuzzyNames, { name: 'Qwxzv' });
    expect(none.data?.searchSources.totalCount).toBe(0);
  });

  it('answers location(name:) and source(name:) exactly as before when the exact lookup finds them', async () => {
    const gazetteer = await loadGazetteer();
    for (const name of [
      'Raqa',
      'Ar-Raqqah',
      'Raqqa',
      'Deir al-Zor',
      'Deir al-Zor Province',
      'Syria',
      'Iraq',
      'al-Mayadin',
    ]) {
      const exact = await findLocationByName(server.db, gazetteer, name);
      expect(exact, name).not.toBeNull();
      server.resetStatements();
      const { data } = await executeOperation(server.yoga, LocationByName, { name });
      expect(data?.location?.name, name).toBe(exact?.name);
      expect(Buffer.from(data?.location?.id ?? '', 'base64').toString(), name).toBe(`Location:${exact?.id}`);
      expect(server.statements.filter((s) => s.includes('similarity'))).toHaveLength(0);
    }
    for (const name of ['Minsk', 'Qwzxv', 'Atlantis']) {
      expect((await executeOperation(server.yoga, LocationByName, { name })).data?.location, name).toBeNull();
    }
    const pentagon = await executeOperation(server.yoga, SourceByName, { name: 'the Pentagon' });
    expect(pentagon.data?.source?.name).toBe('Pentagon');
  });

  it('falls back to the closest spelling when the exact lookup misses', async () => {
    const gazetteer = await loadGazetteer();
    for (const [typo, spelling] of [
      ['Dier ez-Zor', 'Deir al-Zor'],
      ['Almayadeen', 'al-Mayadin'],
      ['Deir Ezor', 'Deir al-Zor'],
    ]) {
      expect(await findLocationByName(server.db, gazetteer, typo), typo).toBeNull();
      const expected = await findLocationByName(server.db, gazetteer, spelling);
      const { data } = await executeOperation(server.yoga, LocationByName, { name: typo });
      expect(Buffer.from(data?.location?.id ?? '', 'base64').toString(), typo).toBe(
        `Location:${expected?.id}`,
      );
    }
    expect(await findSourceByName(server.db, 'Russian Defense Minstry')).toBeNull();
    const source = await executeOperation(server.yoga, SourceByName, { name: 'Russian Defense Minstry' });
    expect(source.data?.source?.name).toBe('Russian Defense Ministry');
  });

  it('costs a fixed number of statements whatever the page size', async () => {
    const count = async (first: number) => {
      server.resetStatements();
      await executeOperation(server.yoga, SearchText, { query: 'Syria', first });
      await executeOperation(server.yoga, FuzzyNames, { name: 'Syria', first });
      return server.statements.length;
    };
    const one = await count(1);
    expect(await count(50)).toBe(one);
    // Per search: the ranked page, then one batched load of its nodes (and their sources).
    expect(one).toBeLessThanOrEqual(8);
  });
});
