import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleByUrl, ImportArticle, IngestArticle } from '../../src/client/operations/articles.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

describe.each(drivers)('odd pages give a sane result, never a crash, on %s', (driver) => {
  let server: TestServer;
  const ingest = (url: string, page: { text?: string; html?: string }) =>
    executeOperation(server.yoga, IngestArticle, { input: { url, ...page } });

  beforeAll(async () => {
    server = await createTestServer(driver);
  });
  afterAll(() => server.close());

  it('stores text with lone surrogates, emoji, RTL and joiners, offsets intact', async () => {
    const text = `The mayor of Zürich said the city was calm \uD800 tonight 👩\u200d💻.\nقال المتحدث إن الوضع هادئ.`;
    const result = await ingest('https://odd.example/unicode', { text });
    expect(result.errors).toBeUndefined();
    expect(result.data?.ingestArticle.claimCount).toBe(1);
    const stored = await executeOperation(server.yoga, ArticleByUrl, { url: 'https://odd.example/unicode' });
    const article = stored.data?.article;
    expect(article?.body).toContain('\uFFFD');
    const claim = article?.claims.edges[0].node;
    expect(article?.body.slice(claim?.span.start, claim?.span.end)).toBe(claim?.text);
  });

  it('imports a body with a lone surrogate without a database error', async () => {
    const input = {
      ...demoImportInput(),
      url: 'https://odd.example/import',
      body: `${demoImportInput().body}\uDC00`,
    };
    const result = await executeOperation(server.yoga, ImportArticle, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data?.importArticle.status).toBe('CREATED');
  });

  it('keeps a million-character line with no sentence, with a warning', async () => {
    const result = await ingest('https://odd.example/long-line', { text: 'word '.repeat(200_000) });
    expect(result.data?.ingestArticle).toMatchObject({ status: 'CREATED', claimCount: 0 });
    expect(result.data?.ingestArticle.warnings).toEqual(['no attributed claims found on the page']);
  });

  it('reads deeply nested markup', async () => {
    const html = `${'<div>'.repeat(50_000)}<p>The mayor said Paris was calm.</p>${'</div>'.repeat(50_000)}`;
    const result = await ingest('https://odd.example/nested', { html });
    expect(result.errors).toBeUndefined();
    expect(result.data?.ingestArticle.claimCount).toBe(1);
  });

  it('does not search a run-on "sentence" of thousands of words for acts', async () => {
    const text = 'The minister said the talks in Geneva would resume, '.repeat(3_000);
    const result = await ingest('https://odd.example/run-on', { text });
    expect(result.errors).toBeUndefined();
    expect(result.data?.ingestArticle.claimCount).toBe(0);
  });
});
