import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import {
  FilteredArticles,
  FilteredClaims,
  FilteredLocations,
  FilteredSources,
  NestedClaimFilters,
} from '../../src/client/operations/filters.js';
import { LocationByName } from '../../src/client/operations/locations.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { type ArticleSpec, articleInput } from '../helpers/factories.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

const wire: ArticleSpec = {
  url: 'https://wire.example/raqqa-1',
  title: 'Raqqa offensive update',
  publishedAt: '2017-09-01T08:00:00Z',
  outlet: 'Example Wire',
  claims: [
    {
      text: 'Colonel Ryan Dillon said the coalition struck targets near Raqqa.',
      speaker: { name: 'Dillon', kind: 'PERSON' },
      places: [{ name: 'Raqqa', kind: 'CITY', countryCode: 'SY' }],
      quote: 'DIRECT',
      claimedAt: '2017-08-30',
    },
    {
      text: 'A resident said the pistachio market in Aleppo reopened.',
      speaker: { name: 'a resident', kind: 'ANONYMOUS' },
      places: [{ name: 'Aleppo', kind: 'CITY', countryCode: 'SY' }],
    },
  ],
};
const undated: ArticleSpec = {
  url: 'https://wire.example/undated',
  title: 'Undated note',
  outlet: 'example wire',
  claims: [
    {
      text: 'Officials at the Pentagon said nothing new.',
      speaker: { name: 'Pentagon', kind: 'GOVERNMENT' },
    },
  ],
};

describe.each(drivers)('filters and ordering on %s', (driver) => {
  let server: TestServer;
  /** executeOperation that also asserts the operation succeeded. */
  async function run<TResult, TVariables>(...args: Parameters<typeof executeOperation<TResult, TVariables>>) {
    const result = await executeOperation<TResult, TVariables>(...args);
    expect(result.errors).toBeUndefined();
    return result;
  }

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of [demoImportInput(), seedAsImportInput(), articleInput(wire), articleInput(undated)]) {
      const result = await executeOperation(server.yoga, ImportArticle, { input });
      expect(result.errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  async function sourceId(prefix: string): Promise<string> {
    const { data } = await executeOperation(server.yoga, FilteredSources, {
      filter: { namePrefix: prefix },
      first: 1,
    });
    return data?.sources.edges[0]?.node.id as string;
  }

  it('filters articles by publication range, outlet and text', async () => {
    const inSeptember = await run(server.yoga, FilteredArticles, {
      filter: { publishedFrom: '2017-09-01T00:00:00Z', publishedTo: '2017-10-01T00:00:00Z' },
    });
    const hits = inSeptember.data?.articles.edges.map((e) => [
      e.node.url,
      new Date(e.node.publishedAt as string).toISOString(),
    ]);
    expect(hits).toEqual([[wire.url, new Date(wire.publishedAt as string).toISOString()]]);
    expect(inSeptember.data?.articles.totalCount).toBe(1);
    const byOutlet = await run(server.yoga, FilteredArticles, { filter: { outlet: 'EXAMPLE WIRE' } });
    expect(byOutlet.data?.articles.totalCount).toBe(2);
    const byText = await run(server.yoga, FilteredArticles, { filter: { text: 'pistachio' } });
    expect(byText.data?.articles.edges.map((e) => e.node.url)).toEqual([wire.url]);
  });

  it('orders articles by publication date, undated last, and pages past them', async () => {
    const urls: string[] = [];
    let after: string | null | undefined;
    do {
      const { data } = await run(server.yoga, FilteredArticles, {
        orderBy: 'PUBLISHED_DESC',
        first: 1,
        after,
      });
      urls.push(...(data?.articles.edges.map((e) => e.node.url) ?? []));
      after = data?.articles.pageInfo.hasNextPage ? data.articles.pageInfo.endCursor : null;
    } while (after);
    expect(urls).toHaveLength(4);
    expect(urls.slice(2)).toEqual([wire.url, undated.url]);
    const asc = await run(server.yoga, FilteredArticles, { orderBy: 'PUBLISHED_ASC', first: 2 });
    expect(asc.data?.articles.edges.map((e) => e.node.url)).toEqual([undated.url, wire.url]);
  });

  it('filters claims by source, source kind, quote kind, date range and article', async () => {
    const dillon = await sourceId('Dillon');
    const bySource = await run(server.yoga, FilteredClaims, { filter: { sources: [dillon] } });
    expect(bySource.data?.claims.totalCount).toBe(3); // demo, seed, wire
    expect(new Set(bySource.data?.claims.edges.map((e) => e.node.source?.name))).toEqual(new Set(['Dillon']));
    const direct = await run(server.yoga, FilteredClaims, {
      filter: { sources: [dillon], quoteKinds: ['DIRECT'] },
    });
    expect(direct.data?.claims.edges.map((e) => e.node.article.url)).toEqual([wire.url]);
    const anonymous = await run(server.yoga, FilteredClaims, {
      filter: { sourceKinds: ['ANONYMOUS'] },
      first: 100,
    });
    expect(anonymous.data?.claims.edges.every((e) => e.node.source?.kind === 'ANONYMOUS')).toBe(true);
    expect(anonymous.data?.claims.totalCount).toBeGreaterThanOrEqual(5);
    const august = await run(server.yoga, FilteredClaims, {
      filter: { claimedFrom: '2017-08-01T00:00:00Z', claimedTo: '2017-09-01T00:00:00Z' },
    });
    expect(august.data?.claims.edges.map((e) => e.node.text)).toEqual([wire.claims[0].text]);
    const article = await run(server.yoga, FilteredArticles, { filter: { text: 'pistachio' } });
    const inArticle = await run(server.yoga, FilteredClaims, {
      filter: { articles: [article.data?.articles.edges[0].node.id as string] },
    });
    expect(inArticle.data?.claims.totalCount).toBe(2);
  });

  it('filters claims by place, with and without the places inside it', async () => {
    const syria = await run(server.yoga, LocationByName, { name: 'Syria' });
    const location = syria.data?.location?.id as string;
    const direct = await run(server.yoga, FilteredClaims, { filter: { location }, first: 100 });
    const contained = await run(server.yoga, FilteredClaims, {
      filter: { location, includeContained: true },
      first: 100,
    });
    const directCount = direct.data?.claims.totalCount ?? 0;
    expect(directCount).toBeGreaterThan(0);
    expect(contained.data?.claims.totalCount).toBeGreaterThan(directCount);
    const texts = contained.data?.claims.edges.map((e) => e.node.text) ?? [];
    expect(texts).toContain(wire.claims[1].text); // Aleppo, inside Syria
    expect(direct.data?.claims.edges.map((e) => e.node.text)).not.toContain(wire.claims[1].text);
  });

  it('filters sources by kind and name prefix', async () => {
    const gov = await run(server.yoga, FilteredSources, {
      filter: { kinds: ['GOVERNMENT'], namePrefix: 'syrian f' },
    });
    expect(gov.data?.sources.edges.map((e) => e.node.name)).toEqual(['Syrian Foreign Minister']);
    const wildcard = await run(server.yoga, FilteredSources, { filter: { namePrefix: '%' } });
    expect(wildcard.data?.sources.totalCount).toBe(0);
  });

  it('filters and orders the claims of a source and of an article', async () => {
    const { data } = await run(server.yoga, NestedClaimFilters, {
      source: 'Dillon',
      url: wire.url,
      sourceFilter: { claimedTo: '2017-10-01T00:00:00Z' },
      articleFilter: { sourceKinds: ['ANONYMOUS'] },
    });
    expect(data?.source?.claims.totalCount).toBe(1);
    expect(data?.source?.claims.edges.map((e) => e.node.text)).toEqual([wire.claims[0].text]);
    expect(data?.article?.claims.totalCount).toBe(1);
    expect(data?.article?.claims.edges.map((e) => e.node.source?.kind)).toEqual(['ANONYMOUS']);
    const all = await run(server.yoga, NestedClaimFilters, { source: 'Dillon', url: wire.url });
    expect(all.data?.source?.claims.totalCount).toBe(3);
    const dates = all.data?.source?.claims.edges.map((e) => e.node.claimedAt as string) ?? [];
    expect(dates).toEqual([...dates].sort());
  });

  it('filters places by kind, country, name prefix and containing place', async () => {
    const syria = await run(server.yoga, LocationByName, { name: 'Syria' });
    const within = syria.data?.location?.id as string;
    const all = await run(server.yoga, FilteredLocations, { first: 100 });
    const cities = await run(server.yoga, FilteredLocations, {
      filter: { within, kinds: ['CITY'] },
      first: 100,
    });
    const expected = (all.data?.locations.edges ?? [])
      .filter((e) => e.node.kind === 'CITY' && e.node.ancestors.some((a) => a.name === 'Syria'))
      .map((e) => e.node.name);
    expect(expected).toContain('Aleppo');
    expect(cities.data?.locations.edges.map((e) => e.node.name)).toEqual(expected);
    expect(cities.data?.locations.totalCount).toBe(expected.length);
    const iraq = await run(server.yoga, FilteredLocations, { filter: { countryCodes: ['iq'] }, first: 100 });
    expect(iraq.data?.locations.edges.length).toBeGreaterThan(0);
    expect(iraq.data?.locations.edges.every((e) => e.node.countryCode === 'IQ')).toBe(true);
    const prefix = await run(server.yoga, FilteredLocations, { filter: { namePrefix: 'ALEP' } });
    const startsAlep = (all.data?.locations.edges ?? []).filter((e) =>
      e.node.name.toLowerCase().startsWith('alep'),
    );
    expect(startsAlep.length).toBeGreaterThan(0);
    expect(prefix.data?.locations.edges.map((e) => e.node.id)).toEqual(startsAlep.map((e) => e.node.id));
  });

  it('rejects an id of the wrong type as a user error', async () => {
    const syria = await run(server.yoga, LocationByName, { name: 'Syria' });
    const result = await executeOperation(server.yoga, FilteredClaims, {
      filter: { sources: [syria.data?.location?.id as string] },
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps claim pages stable when claims are added between page fetches', async () => {
    const before = await run(server.yoga, FilteredClaims, { orderBy: 'CLAIMED_DESC', first: 100 });
    const all = before.data?.claims.edges.map((e) => e.node.id) ?? [];
    const first = await run(server.yoga, FilteredClaims, { orderBy: 'CLAIMED_DESC', first: 5 });
    // New claims on both sides of the cursor: a newer one (sorts before it), an older one (after).
    const late: ArticleSpec = {
      url: 'https://wire.example/late',
      publishedAt: '2017-10-20T00:00:00Z',
      claims: [
        {
          text: 'A spokesman said a newer thing.',
          speaker: { name: 'spokesman', kind: 'ANONYMOUS' },
          claimedAt: '2017-10-20',
        },
        {
          text: 'An official said an older thing.',
          speaker: { name: 'official', kind: 'ANONYMOUS' },
          claimedAt: '2017-01-01',
        },
      ],
    };
    await run(server.yoga, ImportArticle, { input: articleInput(late) });
    const seen = first.data?.claims.edges.map((e) => e.node.id) ?? [];
    let after = first.data?.claims.pageInfo.endCursor;
    while (after) {
      const { data } = await run(server.yoga, FilteredClaims, { orderBy: 'CLAIMED_DESC', first: 5, after });
      seen.push(...(data?.claims.edges.map((e) => e.node.id) ?? []));
      after = data?.claims.pageInfo.hasNextPage ? data.claims.pageInfo.endCursor : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.filter((id) => !seen.includes(id))).toEqual([]);
    expect(seen).toHaveLength(all.length + 1); // the older new claim, not the newer one
    const ascending = await run(server.yoga, FilteredClaims, { orderBy: 'CLAIMED_ASC', first: 2 });
    expect(ascending.data?.claims.edges.map((e) => e.node.text)).toEqual([
      undated.claims[0].text, // no date sorts first ascending, last descending
      'An official said an older thing.',
    ]);
  });

  it('keeps article pages by publication date stable when articles are added between fetches', async () => {
    const before = await run(server.yoga, FilteredArticles, { orderBy: 'PUBLISHED_DESC', first: 100 });
    const all = before.data?.articles.edges.map((e) => e.node.url) ?? [];
    const first = await run(server.yoga, FilteredArticles, { orderBy: 'PUBLISHED_DESC', first: 2 });
    const seen = first.data?.articles.edges.map((e) => e.node.url) ?? [];
    const boundary = first.data?.articles.edges[1].node.publishedAt as string;
    // Same publication instant as the last row of the first page: the id tie breaker decides.
    const tied = articleInput({
      url: 'https://wire.example/tied',
      publishedAt: boundary,
      claims: [{ text: 'A clerk said the office opened.', speaker: { name: 'a clerk', kind: 'ANONYMOUS' } }],
    });
    await run(server.yoga, ImportArticle, { input: tied });
    let after = first.data?.articles.pageInfo.endCursor;
    while (after) {
      const { data } = await run(server.yoga, FilteredArticles, {
        orderBy: 'PUBLISHED_DESC',
        first: 2,
        after,
      });
      seen.push(...(data?.articles.edges.map((e) => e.node.url) ?? []));
      after = data?.articles.pageInfo.hasNextPage ? data.articles.pageInfo.endCursor : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.filter((url) => !seen.includes(url))).toEqual([]);
  });

  it('loads a claims page with sources, articles and places in a fixed number of statements', async () => {
    const syria = await run(server.yoga, LocationByName, { name: 'Syria' });
    const filter = { location: syria.data?.location?.id as string, includeContained: true };
    server.resetStatements();
    await run(server.yoga, FilteredClaims, { first: 1, filter });
    const one = server.statements.length;
    server.resetStatements();
    const many = await run(server.yoga, FilteredClaims, { first: 100, filter });
    expect(many.data?.claims.edges.length).toBeGreaterThan(10);
    expect(server.statements.length).toBe(one);
    // The page with sources and articles joined in, the count, and one batched load of the
    // places of every claim on the page.
    expect(one).toBeLessThanOrEqual(3);
  });
  it('answers the other filtered connections in a fixed number of statements', async () => {
    const count = async (run: (first: number) => Promise<unknown>) => {
      server.resetStatements();
      await run(1);
      const one = server.statements.length;
      server.resetStatements();
      await run(100);
      expect(server.statements.length).toBe(one);
      return one;
    };
    // Page and count for each; places add one batched load of their ancestors.
    expect(
      await count((first) =>
        run(server.yoga, FilteredArticles, { filter: { outlet: 'example wire' }, first }),
      ),
    ).toBe(2);
    expect(
      await count((first) => run(server.yoga, FilteredSources, { filter: { kinds: ['ANONYMOUS'] }, first })),
    ).toBe(2);
    expect(
      await count((first) => run(server.yoga, FilteredLocations, { filter: { kinds: ['CITY'] }, first })),
    ).toBeLessThanOrEqual(3);
    // source and article lookups, each with its filtered claims (and their counts) joined in.
    const nested = await count(() =>
      run(server.yoga, NestedClaimFilters, { source: 'Dillon', url: wire.url }),
    );
    expect(nested).toBeLessThanOrEqual(4);
  });
});
