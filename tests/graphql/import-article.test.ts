import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleByUrl, ImportArticle } from '../../src/client/operations/articles.js';
import { articles, claims, locations, sources } from '../../src/db/schema/index.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

describe.each(drivers)('importArticle on %s', (driver) => {
  let server: TestServer;
  const input = demoImportInput();
  const counts = async () => ({
    articles: await server.db.$count(articles),
    claims: await server.db.$count(claims),
    sources: await server.db.$count(sources),
    locations: await server.db.$count(locations),
  });

  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(() => server.close());

  it('creates the article with its claims, then changes nothing on the same input', async () => {
    const first = await executeOperation(server.yoga, ImportArticle, { input });
    expect(first.data?.importArticle).toMatchObject({ status: 'CREATED', claimCount: 10 });
    const before = await counts();
    expect(before).toMatchObject({ articles: 1, claims: 10 });
    const again = await executeOperation(server.yoga, ImportArticle, { input });
    expect(again.data?.importArticle).toMatchObject({ status: 'UNCHANGED', claimCount: 10 });
    expect(again.data?.importArticle.article.id).toBe(first.data?.importArticle.article.id);
    expect(await counts()).toEqual(before);
  });

  it('replaces the claims of an article whose content changed', async () => {
    const changed = { ...input, title: 'A new headline', claims: input.claims?.slice(0, 3) };
    const result = await executeOperation(server.yoga, ImportArticle, { input: changed });
    expect(result.data?.importArticle).toMatchObject({ status: 'UPDATED', claimCount: 3 });
    const stored = await executeOperation(server.yoga, ArticleByUrl, { url: input.url });
    expect(stored.data?.article?.title).toBe('A new headline');
    expect(stored.data?.article?.claims.totalCount).toBe(3);
    expect(await counts()).toMatchObject({ articles: 1, claims: 3 });
  });

  it('stores offsets that index into the body, with mentions as written', async () => {
    await executeOperation(server.yoga, ImportArticle, { input });
    const { data } = await executeOperation(server.yoga, ArticleByUrl, { url: input.url });
    const article = data?.article;
    expect(article?.publishedAt).toBe('2017-10-12T00:00:00.000Z');
    expect(article?.pageDate).toBe('2018-07-18T00:00:00.000Z');
    expect(article?.relatedLinks.totalCount).toBe(3);
    for (const { node } of article?.claims.edges ?? []) {
      expect(article?.body.slice(node.span.start, node.span.end)).toBe(node.text);
      for (const m of node.mentions) expect(article?.body.slice(m.span.start, m.span.end)).toBe(m.asWritten);
    }
    const commander = article?.claims.edges.find((e) => e.node.mentions.some((m) => m.coref))?.node;
    expect(commander?.mentions.map((m) => [m.asWritten, m.coref])).toEqual([
      ['Raqa', false],
      ['there', true],
    ]);
    // "Raqa" and "there" are one place: the claim is about it once.
    expect(commander?.locations.map((l) => l.name)).toHaveLength(1);
    const ministry = article?.claims.edges.find(
      (e) => e.node.source?.name === 'Russian Defense Ministry',
    )?.node;
    expect(ministry?.claimedAt).toBe('2017-10-10T00:00:00.000Z');
    expect(ministry?.locations.map((l) => l.kind)).toEqual(['COUNTRY', 'REGION']);
  });

  it.each([
    [
      'an offset past the body',
      (i: typeof input) => ({ ...i, claims: [{ ...i.claims![0], end: i.body.length + 5 }] }),
      'claims[0]',
    ],
    [
      'start after end',
      (i: typeof input) => ({ ...i, claims: [{ ...i.claims![0], start: 50, end: 10 }] }),
      'claims[0]',
    ],
    [
      'a place the offsets do not point at',
      (i: typeof input) => ({
        ...i,
        claims: [{ ...i.claims![0], places: [{ name: 'Paris', start: 0, end: 5 }] }],
      }),
      'claims[0].places[0]',
    ],
    ['an empty body', (i: typeof input) => ({ ...i, body: '', claims: [] }), 'body'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_label, mutate, path) => {
    const before = await counts();
    const bad = mutate({ ...input, url: 'https://demo.news-graph.example/bad' });
    const result = await executeOperation(server.yoga, ImportArticle, { input: bad as typeof input });
    expect(result.data).toBeNull();
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((error?.extensions?.issues as { path: string }[]).map((i) => i.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });

  it('rejects unknown enum values and malformed URLs before running', async () => {
    const badKind = {
      ...input,
      claims: [{ ...input.claims![1], speaker: { name: 'X', kind: 'ALIEN' } }],
    } as unknown as typeof input;
    const kindResult = await executeOperation(server.yoga, ImportArticle, { input: badKind });
    expect(kindResult.errors?.[0].message).toMatch(/ALIEN/);
    const urlResult = await executeOperation(server.yoga, ImportArticle, {
      input: { ...input, url: 'not a url' },
    });
    expect(urlResult.errors?.[0].message).toMatch(/URL/i);
  });
});
