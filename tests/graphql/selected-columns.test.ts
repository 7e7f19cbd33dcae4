import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapes } from '../../bench/shapes.js';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

const ARTICLE_COUNT = 3;
const shape = (name: string) => {
  const found = shapes({ name: 'Raqqa', key: '' }).find((s) => s.name === name);
  if (!found) throw new Error(`no benchmark shape ${name}`);
  return found.newsGraph;
};

interface GraphAnswer {
  articles: {
    edges: {
      node: {
        url: string;
        body?: string;
        claims: {
          edges: {
            node: {
              text: string;
              locations: { name: string }[];
              mentions: { coref: boolean; location: { name: string } }[];
            };
          }[];
        };
      };
    }[];
  };
}

describe.each(drivers)('benchmark shapes select only the columns asked for on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(driver);
    const demo = demoImportInput();
    for (let i = 0; i < ARTICLE_COUNT; i++) {
      const input = { ...demo, url: `https://demo.news-graph.example/columns-${i}` };
      const result = await executeOperation(server.yoga, ImportArticle, { input });
      expect(result.errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  async function run(query: string) {
    server.resetStatements();
    const result = await executeOperation<GraphAnswer, Record<string, never>>(server.yoga, query);
    expect(result.errors).toBeUndefined();
    return { data: result.data as GraphAnswer, statements: [...server.statements] };
  }

  it('lists articles in one statement that leaves out the body', async () => {
    const { data, statements } = await run(shape('list20'));
    expect(data.articles.edges).toHaveLength(ARTICLE_COUNT);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('"url"');
    expect(statements[0]).not.toContain('"body"');
    expect(statements[0]).not.toContain('"content_hash"');
  });

  it('selects the body only when it is asked for', async () => {
    const { data, statements } = await run(shape('big30k'));
    expect(data.articles.edges[0].node.body?.length).toBeGreaterThan(1000);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('"body"');
  });

  it('loads the three-level graph in one statement with only the asked columns', async () => {
    const { data, statements } = await run(shape('graph3'));
    const claims = data.articles.edges.flatMap((e) => e.node.claims.edges.map((c) => c.node));
    expect(claims.length).toBeGreaterThan(ARTICLE_COUNT);
    expect(claims.some((c) => c.locations.length > 0)).toBe(true);
    expect(statements).toHaveLength(1);
    for (const column of ['"body"', '"speaker_text"', '"affiliation"', '"mention"', '"gazetteer_key"']) {
      expect(statements[0]).not.toContain(column);
    }
  });

  it("lists a claim's places once each, in order of first mention, next to its mentions", async () => {
    const { data, statements } = await run(`{ articles(first: ${ARTICLE_COUNT}) { edges { node { url
      claims(first: 50) { edges { node { text locations { name } mentions { coref location { name } } } } }
    } } } }`);
    expect(statements).toHaveLength(1);
    const claims = data.articles.edges.flatMap((e) => e.node.claims.edges.map((c) => c.node));
    expect(claims.some((c) => c.mentions.length > c.locations.length)).toBe(true);
    for (const claim of claims) {
      const firstMentioned = [...new Set(claim.mentions.map((m) => m.location.name))];
      expect(claim.locations.map((l) => l.name)).toEqual(firstMentioned);
    }
  });
});
