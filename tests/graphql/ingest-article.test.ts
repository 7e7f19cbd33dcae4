import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestArticle } from '../../src/client/operations/articles.js';
import { CentralQuestion } from '../../src/client/operations/locations.js';
import { articles } from '../../src/db/schema/index.js';
import { corpusDir, readSeed } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, type TestServer } from '../helpers/server.js';

const SEED_URL = 'https://corpus.example/seed-page';

describe.each(drivers)('ingestArticle on %s', (driver) => {
  let server: TestServer;
  const ingest = (input: { url: string; text?: string; html?: string }) =>
    executeOperation(server.yoga, IngestArticle, { input });
  const speakers = async (name: string) => {
    const { data } = await executeOperation(server.yoga, CentralQuestion, { name });
    // Case-insensitive: a group written at the start of a sentence keeps its capital ("Civilians").
    return (data?.location?.sources.edges ?? []).map((e) => e.node?.name.toLowerCase() ?? '<unresolved>');
  };

  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(() => server.close());

  it('extracts the seed page: title, dates, claims and the three related links', async () => {
    const result = await ingest({ url: SEED_URL, text: readSeed().text });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.ingestArticle;
    expect(payload).toMatchObject({ status: 'CREATED', claimCount: 10, warnings: [] });
    expect(payload?.article.title).toBe(readSeed().gold.article.title);
    expect(payload?.article.publishedAt).toBe('2017-10-12T00:00:00.000Z');
    expect(payload?.article.pageDate).toBe('2018-07-18T00:00:00.000Z');
    expect(payload?.article.relatedLinks.edges.map((e) => e.node.title)).toEqual(
      readSeed().gold.related_links.map((l) => l.title),
    );
  });

  it('answers the central question from extracted data', async () => {
    expect(new Set(await speakers('Raqa'))).toEqual(
      new Set(['field commander for the us-backed forces', 'civilians', 'dillon', '<unresolved>']),
    );
    expect(new Set(await speakers('Deir ez-Zor'))).toEqual(
      new Set(['syrian military source', 'russian defense ministry']),
    );
    expect(await speakers('Iraq')).toEqual(['russian defense ministry']);
  });

  it('is idempotent by URL and content, and replaces claims when the page changes', async () => {
    const text = readSeed().text;
    expect((await ingest({ url: SEED_URL, text })).data?.ingestArticle.status).toBe('UNCHANGED');
    const shorter = text.slice(0, text.indexOf('More news:'));
    const changed = await ingest({ url: SEED_URL, text: shorter });
    expect(changed.data?.ingestArticle).toMatchObject({ status: 'UPDATED', claimCount: 4 });
    expect(await speakers('Raqa')).toEqual(['field commander for the us-backed forces']);
  });

  it('reads HTML, dropping scripts and navigation', async () => {
    const paragraphs = readFileSync(`${corpusDir}dev/texts/05.txt`, 'utf8')
      .split('\n')
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n');
    const html = `<html><head><script>var said = "the script said Paris is lovely";</script></head><body><nav>Home | World | Business</nav>${paragraphs}</body></html>`;
    const result = await ingest({ url: 'https://corpus.example/dev-05.html', html });
    expect(result.errors).toBeUndefined();
    expect(result.data?.ingestArticle.claimCount).toBeGreaterThanOrEqual(2);
    expect(await speakers('Paris')).toEqual([]);
  });

  it.each([
    ['an empty page', { text: '   \n ' }, /empty/],
    ['a binary page', { text: `PK\u0003\u0004${'\u0000\u0001'.repeat(200)}` }, /binary/],
    ['an oversized page', { text: 'word '.repeat(420_000) }, /limit/],
    ['both text and html', { text: 'a', html: '<p>a</p>' }, /exactly one/],
    ['HTML with no text', { html: '<script>alert(1)</script><style>p{}</style>' }, /no readable text/],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_label, page, message) => {
    const before = await server.db.$count(articles);
    const result = await ingest({ url: 'https://corpus.example/bad', ...page });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(message);
    expect(await server.db.$count(articles)).toBe(before);
  });

  it('keeps a page with no sentences, with a warning', async () => {
    const result = await ingest({ url: 'https://corpus.example/list', text: 'Home\nWorld\nSport\nWeather' });
    expect(result.data?.ingestArticle).toMatchObject({ status: 'CREATED', claimCount: 0 });
    expect(result.data?.ingestArticle.warnings).toEqual(['no attributed claims found on the page']);
  });
});
