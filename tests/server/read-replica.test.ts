import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesGraph, ImportArticle } from '../../src/client/operations/articles.js';
import { articles } from '../../src/db/schema/index.js';
import { saveArticleGraph } from '../../src/domain/article-graph.js';
import { parseArticleInput } from '../../src/domain/article-input.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { createYogaServer, type YogaServer } from '../../src/server/yoga.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { demoImportInput, testServerOptions } from '../helpers/server.js';

// Two separate databases stand in for a primary and its replica; nothing replicates between
// them here, so each answer shows which one served it.
describe.each(drivers)('queries on the read replica, writes on the primary (%s)', (driver) => {
  let primary: TestDb;
  let replica: TestDb;
  let yoga: YogaServer;

  beforeAll(async () => {
    const gazetteer = await loadGazetteer();
    [primary, replica] = await Promise.all([createTestDb(driver), createTestDb(driver)]);
    await saveArticleGraph(
      replica.db,
      parseArticleInput(seedAsImportInput('https://replica.example/seed')),
      gazetteer,
    );
    yoga = createYogaServer({ db: primary.db, readDb: replica.db, gazetteer, options: testServerOptions() });
  });
  afterAll(async () => {
    await primary.close();
    await replica.close();
  });

  it('answers queries from the replica', async () => {
    primary.resetStatements();
    const { data } = await executeOperation(yoga, ArticlesGraph, { first: 5 });
    expect(data?.articles.edges.map((e) => e.node.url)).toEqual(['https://replica.example/seed']);
    expect(primary.statements).toEqual([]);
  });

  it('answers compiled reads (graphql/compiled-reads/) from the replica too', async () => {
    primary.resetStatements();
    replica.resetStatements();
    const { data } = await executeOperation<
      { articles: { edges: { node: { url: string } }[] } },
      Record<string, never>
    >(yoga, '{ articles(first: 5) { edges { node { url } } } }');
    expect(data?.articles.edges.map((e) => e.node.url)).toEqual(['https://replica.example/seed']);
    expect(primary.statements).toEqual([]);
    expect(replica.statements).toHaveLength(1);
  });

  it('writes mutations to the primary and reads their result there', async () => {
    const result = await executeOperation(yoga, ImportArticle, { input: demoImportInput() });
    expect(result.data?.importArticle).toMatchObject({
      status: 'CREATED',
      article: { url: demoImportInput().url },
    });
    expect(await primary.db.$count(articles)).toBe(1);
    expect(await replica.db.$count(articles)).toBe(1);
    const { data } = await executeOperation(yoga, ArticlesGraph, { first: 5 });
    expect(data?.articles.edges.map((e) => e.node.url)).toEqual(['https://replica.example/seed']);
  });
});
