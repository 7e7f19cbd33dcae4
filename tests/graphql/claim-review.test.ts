import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { ArticleClaimReview } from '../../src/client/operations/claim-review.js';
import { createPgliteDb } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { saveArticleGraph } from '../../src/domain/article-graph.js';
import { parseArticleInput } from '../../src/domain/article-input.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, type TestServer } from '../helpers/server.js';
import { threeStories } from '../helpers/stories.js';

describe.each(drivers)('Article.claimReview on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of threeStories())
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it('gives one ClaimReview per claim, in reading order, for every article in one statement', async () => {
    server.resetStatements();
    const { data, errors } = await executeOperation(server.yoga, ArticleClaimReview, { first: 3 });
    expect(errors).toBeUndefined();
    // articles page, its count, the claim reviews of all three articles.
    expect(server.statements.length).toBeLessThanOrEqual(3);
    const byUrl = new Map(data?.articles.edges.map((e) => [e.node.url, e.node.claimReview]));
    const b = byUrl.get('https://test.example/b');
    expect(b?.totalCount).toBe(3);
    const first = b?.edges[0].node as Record<string, Record<string, unknown>>;
    expect(first['@type']).toBe('ClaimReview');
    expect(first.claimReviewed).toMatch(/^Around 400 militants/);
    expect(first.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Talal Silo' });
  });
});

describe('npm run export:claimreview', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimreview-cli-'));
  const { DATABASE_URL: _unused, ...env } = process.env;
  const run = (...args: string[]) =>
    promisify(execFile)('npx', ['tsx', 'src/cli/index.ts', 'export-claimreview', ...args], {
      env: { ...env, PGLITE_DATA_DIR: dataDir },
    });

  beforeAll(async () => {
    const [handle, gazetteer] = await Promise.all([createPgliteDb(dataDir), loadGazetteer()]);
    await migrateDatabase(handle);
    await saveArticleGraph(handle.db, parseArticleInput(threeStories()[0]), gazetteer);
    await handle.close();
  });

  it("prints the article's claims as ClaimReview JSON-LD", async () => {
    const { stdout } = await run('--article', 'https://test.example/a');
    const reviews = JSON.parse(stdout);
    expect(reviews).toHaveLength(3);
    expect(reviews[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      itemReviewed: {
        '@type': 'Claim',
        author: { name: 'Pentagon' },
        appearance: { url: 'https://test.example/a' },
      },
    });
  });

  it('fails with a message for an article not in the graph', async () => {
    await expect(run('--article', 'https://test.example/nowhere')).rejects.toMatchObject({
      stderr: expect.stringMatching(/no article with url/),
    });
  });
});
