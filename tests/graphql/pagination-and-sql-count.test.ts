import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesGraph, ImportArticle } from '../../src/client/operations/articles.js';
import { CentralQuestion, LocationSourcesPage } from '../../src/client/operations/locations.js';
import { SourceByName } from '../../src/client/operations/sources.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

const ARTICLE_COUNT = 6;

describe.each(drivers)('pagination and SQL statement counts on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(driver);
    const demo = demoImportInput();
    // Several copies of the demo under different URLs: each has its own anonymous sources.
    for (let i = 0; i < ARTICLE_COUNT; i++) {
      const input = { ...demo, url: `https://demo.news-graph.example/copy-${i}` };
      const result = await executeOperation(server.yoga, ImportArticle, { input });
      expect(result.errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  async function countStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
    server.resetStatements();
    const result = await run();
    return { result, statements: server.statements.length };
  }

  it('pages through the sources of a place with cursors, each edge once', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    let pages = 0;
    do {
      const { data } = await executeOperation(server.yoga, LocationSourcesPage, {
        name: 'Raqqa',
        first: 3,
        after,
      });
      const connection = data?.location?.sources;
      expect(connection?.totalCount).toBe(ARTICLE_COUNT + 3);
      for (const edge of connection?.edges ?? []) seen.push(`${edge.node?.name}:${edge.claimCount}`);
      after = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(ARTICLE_COUNT + 3);
    expect(seen.slice(0, 3)).toEqual([
      `civilians:${ARTICLE_COUNT}`,
      `Dillon:${ARTICLE_COUNT}`,
      `undefined:${ARTICLE_COUNT}`,
    ]);
  });

  it('pages through articles with keyset cursors', async () => {
    const first = await executeOperation(server.yoga, ArticlesGraph, { first: 4 });
    expect(first.data?.articles.totalCount).toBe(ARTICLE_COUNT);
    expect(first.data?.articles.pageInfo.hasNextPage).toBe(true);
    const rest = await executeOperation(server.yoga, ArticlesGraph, {
      first: 4,
      after: first.data?.articles.pageInfo.endCursor,
    });
    const urls = [...(first.data?.articles.edges ?? []), ...(rest.data?.articles.edges ?? [])].map(
      (e) => e.node.url,
    );
    expect(new Set(urls).size).toBe(ARTICLE_COUNT);
    expect(rest.data?.articles.pageInfo.hasNextPage).toBe(false);
  });

  it('answers the central question in a fixed number of statements, whatever the page size', async () => {
    const small = await countStatements(() =>
      executeOperation(server.yoga, CentralQuestion, { name: 'Syria', first: 1 }),
    );
    const large = await countStatements(() =>
      executeOperation(server.yoga, CentralQuestion, { name: 'Syria', first: 50 }),
    );
    expect(large.result.data?.location?.claims.edges.length).toBeGreaterThan(40);
    // location, sources page, their rows, claims page, claim rows with source and article.
    expect(large.statements).toBeLessThanOrEqual(5);
    expect(large.statements).toBe(small.statements);
  });

  it('finds a place and ranks its sources, with their rows, in one statement', async () => {
    const { result, statements } = await countStatements(() =>
      executeOperation(server.yoga, LocationSourcesPage, { name: 'Raqqa', first: 20 }),
    );
    expect(result.data?.location?.sources.edges[0]?.node?.name).toBe('civilians');
    expect(statements).toBe(1);
  });

  it('ranks the sources of every place in a list in one statement, whatever the list length', async () => {
    const query = (first: number) =>
      parse(`{ locations(first: ${first}) { edges { node { name
        sources(first: 3, includeContained: true) { totalCount edges { claimCount unresolved node { name aliases } } }
      } } } }`) as TypedDocumentNode<
        {
          locations: { edges: { node: { sources: { edges: { node: { aliases: string[] } | null }[] } } }[] };
        },
        Record<string, never>
      >;
    const two = await countStatements(() => executeOperation(server.yoga, query(2)));
    const ten = await countStatements(() => executeOperation(server.yoga, query(10)));
    expect(ten.result.errors).toBeUndefined();
    const named = ten.result.data?.locations.edges.flatMap((e) => e.node.sources.edges).filter((e) => e.node);
    expect(named?.length).toBeGreaterThan(3);
    expect(named?.every((e) => (e.node?.aliases.length ?? 0) > 0)).toBe(true);
    expect(ten.statements).toBe(two.statements);
  });

  it('answers two rankings of one place side by side as it answers each alone', async () => {
    type Ranking = { totalCount: number; edges: { claimCount: number; node: { name: string } | null }[] };
    const ranking = 'totalCount edges { claimCount node { name } }';
    const ask = async (fields: string) => {
      const result = await executeOperation(
        server.yoga,
        parse(`{ location(name: "Syria") { ${fields} } }`) as TypedDocumentNode<
          { location: Record<string, Ranking> },
          Record<string, never>
        >,
      );
      expect(result.errors).toBeUndefined();
      return result.data?.location ?? {};
    };
    const both = await ask(
      `direct: sources(first: 5) { ${ranking} } inside: sources(first: 2, includeContained: true) { ${ranking} }`,
    );
    expect(both.direct).toEqual((await ask(`direct: sources(first: 5) { ${ranking} }`)).direct);
    expect(both.inside).toEqual(
      (await ask(`inside: sources(first: 2, includeContained: true) { ${ranking} }`)).inside,
    );
    expect(both.inside.totalCount).toBeGreaterThan(both.direct.totalCount);
    // An empty filter takes the live aggregate: same answer as the kept counts.
    const live = await ask(`direct: sources(first: 5, filter: {}) { ${ranking} }`);
    expect(live.direct).toEqual(both.direct);
  });

  it('ranks the sources of places reached through another ranking (rows it did not load itself)', async () => {
    const result = await executeOperation(
      server.yoga,
      parse(`{ sources(first: 3) { edges { node {
        locations(first: 2) { edges { node { name sources(first: 2) { totalCount edges { claimCount } } } } }
      } } } }`) as TypedDocumentNode<
        {
          sources: {
            edges: {
              node: {
                locations: {
                  edges: { node: { sources: { totalCount: number; edges: { claimCount: number }[] } } }[];
                };
              } | null;
            }[];
          };
        },
        Record<string, never>
      >,
    );
    expect(result.errors).toBeUndefined();
    const nested = result.data?.sources.edges.flatMap((e) => e.node?.locations.edges ?? []) ?? [];
    expect(nested.length).toBeGreaterThan(0);
    for (const { node } of nested) {
      expect(node.sources.totalCount).toBeGreaterThan(0);
      expect(node.sources.edges[0]?.claimCount).toBeGreaterThan(0);
    }
  });

  it('loads a three-level article graph in a fixed number of statements', async () => {
    const one = await countStatements(() => executeOperation(server.yoga, ArticlesGraph, { first: 1 }));
    const all = await countStatements(() =>
      executeOperation(server.yoga, ArticlesGraph, { first: ARTICLE_COUNT }),
    );
    expect(all.result.errors).toBeUndefined();
    expect(all.result.data?.articles.edges).toHaveLength(ARTICLE_COUNT);
    expect(all.result.data?.articles.edges[0].node.claims.edges[1].node.source?.name).toBeTruthy();
    expect(all.statements).toBe(one.statements);
    expect(all.statements).toBeLessThanOrEqual(6);
  });

  it('loads a source with its claims and places in a fixed number of statements', async () => {
    const { result, statements } = await countStatements(() =>
      executeOperation(server.yoga, SourceByName, { name: 'the Pentagon' }),
    );
    expect(result.data?.source).toMatchObject({
      name: 'Pentagon',
      kind: 'GOVERNMENT',
      claimCount: ARTICLE_COUNT,
    });
    expect(result.data?.source?.claims.totalCount).toBe(ARTICLE_COUNT);
    expect(statements).toBeLessThanOrEqual(3);
  });
});
