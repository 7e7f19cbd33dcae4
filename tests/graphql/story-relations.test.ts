import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { ClaimCorroboration, RelatedArticles } from '../../src/client/operations/story-relations.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, type TestServer } from '../helpers/server.js';
import { threeStories } from '../helpers/stories.js';

describe.each(drivers)('story relations on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of threeStories()) {
      const result = await executeOperation(server.yoga, ImportArticle, { input });
      expect(result.errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  async function related() {
    const { data, errors } = await executeOperation(server.yoga, RelatedArticles, {
      first: 10,
      relatedFirst: 10,
    });
    expect(errors).toBeUndefined();
    return new Map(data?.articles.edges.map((e) => [e.node.url, e.node.relatedArticles]));
  }

  it('ranks related articles by strength, giving each reason', async () => {
    const a = (await related()).get('https://test.example/a');
    expect(a?.totalCount).toBe(2);
    const [b, c] = a?.edges ?? [];
    expect(b.node.url).toBe('https://test.example/b');
    expect(b.strength).toBe(5 + 3 + 2);
    expect(b.reasons.map((r) => r.kind)).toEqual(['RELATED_LINK', 'SHARED_SOURCE', 'SHARED_PLACE']);
    expect(b.reasons[0].name).toBe('Final push on Raqqa');
    expect(b.reasons[1].name).toBe('Pentagon');
    expect(b.reasons[2].name).toMatch(/Raqq/);
    expect(c.node.url).toBe('https://test.example/c');
    expect(c.strength).toBe(2);
  });

  it('relates in both directions of a related link, and pages with the hard maximum', async () => {
    const b = (await related()).get('https://test.example/b');
    expect(b?.edges[0].node.url).toBe('https://test.example/a');
    expect(b?.edges[0].reasons[0].kind).toBe('RELATED_LINK');
    const big = await executeOperation(server.yoga, RelatedArticles, { first: 1, relatedFirst: 1000 });
    expect(big.errors).toBeUndefined();
  });

  it('costs the same statements for one article as for three', async () => {
    server.resetStatements();
    await executeOperation(server.yoga, RelatedArticles, { first: 1, relatedFirst: 10 });
    const one = server.statements.length;
    server.resetStatements();
    await executeOperation(server.yoga, RelatedArticles, { first: 3, relatedFirst: 10 });
    // articles page (+ count), related-articles SQL, related article rows.
    expect(server.statements.length).toBe(one);
    expect(one).toBeLessThanOrEqual(4);
  });

  it('finds corroborating and contradicting claims by other sources about the same place and week', async () => {
    const { data, errors } = await executeOperation(server.yoga, ClaimCorroboration, {
      url: 'https://test.example/a',
      first: 10,
    });
    expect(errors).toBeUndefined();
    const first = data?.article?.claims.edges[0].node;
    expect(first?.corroboratedBy.edges.map((e) => e.node.source?.name)).toEqual(['Talal Silo']);
    expect(first?.corroboratedBy.edges[0].reasons).toEqual(['same number 400 militant']);
    expect(first?.contradictedBy.edges.map((e) => e.node.source?.name)).toEqual(['Russian Defense Ministry']);
    expect(first?.contradictedBy.edges[0].reasons[0]).toMatch(/different numbers for militant: 400 vs 150/);
    // Dillon says the same words about Raqqa, but months later: outside the ±7-day window.
    const urls = first?.corroboratedBy.edges.map((e) => e.node.article.url);
    expect(urls).not.toContain('https://test.example/c');
  });

  it('counts a claim about a containing place as the same place', async () => {
    const { data } = await executeOperation(server.yoga, ClaimCorroboration, {
      url: 'https://test.example/b',
      first: 10,
    });
    const pentagonOnSyria = data?.article?.claims.edges[2].node;
    // Raqqa lies inside Syria; the Pentagon's own claims in A do not count as corroboration.
    expect(pentagonOnSyria?.corroboratedBy.edges.map((e) => e.node.source?.name)).toEqual(['Ryan Dillon']);
    expect(pentagonOnSyria?.corroboratedBy.edges[0].reasons).toEqual(['same number 12 air']);
    const talal = data?.article?.claims.edges[0].node;
    expect(talal?.corroboratedBy.edges.map((e) => e.node.source?.name)).toEqual(['Pentagon']);
  });

  it('compares the claims of a whole article in one statement', async () => {
    server.resetStatements();
    await executeOperation(server.yoga, ClaimCorroboration, { url: 'https://test.example/b', first: 1 });
    const one = server.statements.length;
    server.resetStatements();
    await executeOperation(server.yoga, ClaimCorroboration, { url: 'https://test.example/b', first: 3 });
    expect(server.statements.length).toBe(one);
  });
});
