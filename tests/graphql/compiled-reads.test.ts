import { offsetToCursor } from '@pothos/plugin-relay';
import { type ExecutionResult, parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapes } from '../../bench/shapes.js';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { loadEnv } from '../../src/config/env.js';
import { loadNewsCities } from '../../src/dataset/city-pool.js';
import { generateDataset } from '../../src/dataset/generate.js';
import { writeDataset } from '../../src/dataset/write.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { compiledAnswer } from '../../src/graphql/compiled-reads/operation.js';
import { schema } from '../../src/graphql/schema.js';
import { serverOptionsFromEnv } from '../../src/server/options.js';
import { createYogaServer, type YogaServer } from '../../src/server/yoga.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { createTestServer, demoImportInput, type TestServer, testServerOptions } from '../helpers/server.js';

// Every field and argument the compiled path answers, asked both ways over the same data.
const claimFields = `id __typename text quote zone speakerText via claimedAt span { start end __typename }
  source { id name kind affiliation description } article { id url }`;
const compiled: [name: string, query: string, variables?: Record<string, unknown>, statements?: number][] = [
  ['benchmark list20', shapes({ name: 'Raqqa', key: '' })[1].newsGraph],
  ['benchmark graph3', shapes({ name: 'Raqqa', key: '' }).find((s) => s.name === 'graph3')?.newsGraph ?? ''],
  [
    'every article and claim column, typenames, page info',
    `{ __typename articles(first: 7) { __typename pageInfo { hasNextPage hasPreviousPage __typename }
        edges { __typename node { ...ArticleColumns claims(first: 4) { pageInfo { hasNextPage }
          edges { node { ${claimFields} mentions { __typename asWritten coref span { start end } location { name } } } } } } } } }
     fragment ArticleColumns on Article { id __typename url title body publishedAt pageDate outlet }`,
  ],
  [
    'places with every column and their parents, aliases, inline fragments',
    `{ a: articles(first: 6) { edges { node { ... on Article { u: url } claims { edges { node {
        locations { id name kind countryCode latitude longitude population geonameId
          up: parent { name parent { name kind } } } } } } } } } }`,
  ],
  [
    'variables: page size, filter and order',
    `query Page($first: Int, $filter: ArticleFilter, $order: ArticleOrder, $claims: ClaimFilter) {
       articles(first: $first, filter: $filter, orderBy: $order) { pageInfo { hasNextPage }
         edges { node { url publishedAt claims(first: 2, filter: $claims) { edges { node { text quote } } } } } } }`,
    { first: 3, order: 'PUBLISHED_ASC', claims: { quoteKinds: ['DIRECT'] } },
  ],
  [
    'keyset cursors of articles and of claims',
    `{ articles(first: 9, orderBy: PUBLISHED_DESC) { pageInfo { startCursor endCursor }
        edges { cursor node { url claims(first: 2) { pageInfo { endCursor } edges { cursor } } } } } }`,
  ],
  [
    'cursors of an empty page',
    '{ articles(first: 0) { pageInfo { startCursor endCursor } edges { cursor } } }',
  ],
  ['an empty page', '{ articles(first: 0) { pageInfo { hasNextPage } edges { node { url } } } }'],
  ['edges with no node fields', '{ articles(first: 2) { edges { __typename } pageInfo { hasNextPage } } }'],
  ['a page larger than the maximum', '{ articles(first: 500) { edges { node { url } } } }'],
  ['the default page size', '{ articles { edges { node { url } } } }'],
  [
    'an outlet filter',
    '{ articles(filter: { outlet: "nobody at all" }) { pageInfo { hasNextPage } edges { node { url } } } }',
  ],
  [
    'the central question, with every edge and page field',
    `{ location(name: "Raqqa") { id name countryCode kind population sources(first: 20, includeContained: true) {
        __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { __typename claimCount unresolved speakerTexts cursor node { id name kind } } } } }`,
  ],
  [
    'a place by another spelling, its own sources only, a short page',
    '{ location(name: "Raqa") { name sources(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } }',
  ],
  [
    'ranked sources after a cursor',
    `query Pages($after: String) { location(name: "Syria") {
        sources(first: 2, after: $after, includeContained: true) { pageInfo { hasPreviousPage startCursor } edges { cursor claimCount } } } }`,
    { after: offsetToCursor(1) },
  ],
  [
    'ranked sources from the end',
    '{ location(name: "Raqqa") { sources(first: 3, last: 2) { pageInfo { hasNextPage hasPreviousPage } edges { cursor node { name } } } } }',
  ],
  // As the resolver: the exact lookup, then the closest spelling and its row.
  ['a misspelt place', '{ location(name: "Raqqqa") { name } }'],
  ['a place with no close spelling', '{ location(name: "Xqzvwk") { name } }', undefined, 2],
  [
    'an article by URL, and one that is not there',
    `{ article(url: "https://demo.news-graph.example/compiled-1") { url title claims { edges { node { text } } } }
       missing: article(url: "https://example.org/nothing") { url } }`,
    undefined,
    2,
  ],
];

// Shapes the compiled path leaves to normal execution: the answers must still be the same.
const declined: [name: string, query: string, variables?: Record<string, unknown>][] = [
  ['totalCount', '{ articles(first: 2) { totalCount edges { node { url } } } }'],
  [
    'a cursor that is not one',
    'query($after: String) { articles(first: 2, after: $after) { edges { node { url } } } }',
    { after: 'bm90LWEtY3Vyc29y' },
  ],
  ['backward paging', '{ articles(last: 2, before: "REM6Tjox") { edges { node { url } } } }'],
  ['a directive', '{ articles(first: 2) { edges { node { url title @include(if: false) } } } }'],
  [
    'mentions and locations of one claim (one relation, two plans)',
    '{ articles(first: 2) { edges { node { claims { edges { node { mentions { asWritten } locations { name } } } } } } } }',
  ],
  ['a computed field', '{ articles(first: 2) { edges { node { sources { totalCount } } } } }'],
  [
    'a filtered ranking (counted live)',
    '{ location(name: "Raqqa") { sources(filter: { quoteKinds: [DIRECT] }) { totalCount edges { claimCount } } } }',
  ],
  [
    'two rankings of one scope (one kept-count relation, two pages)',
    '{ location(name: "Raqqa") { a: sources(first: 1) { totalCount } b: sources(first: 2) { totalCount } } }',
  ],
  ['claims about a place', '{ location(name: "Raqqa") { claims { totalCount } } }'],
  [
    'a root field outside the set',
    '{ source(name: "Pentagon") { name } articles(first: 1) { edges { node { url } } } }',
  ],
  ['a negative page size', '{ articles(first: -1) { edges { node { url } } } }'],
  ['a ranking page with no end', '{ location(name: "Raqqa") { sources(last: 2) { edges { claimCount } } } }'],
  [
    'a bad variable',
    'query($first: Int) { articles(first: $first) { edges { node { url } } } }',
    { first: 'ten' },
  ],
  [
    'a bad ID in a filter',
    '{ articles { edges { node { claims(filter: { sources: ["nonsense"] }) { edges { node { text } } } } } } }',
  ],
];

describe('COMPILED_READS', () => {
  it('is on by default and off when set so', () => {
    expect(serverOptionsFromEnv(loadEnv({})).compiledReads).toBe(true);
    expect(serverOptionsFromEnv(loadEnv({ COMPILED_READS: 'off' })).compiledReads).toBe(false);
    expect(() => loadEnv({ COMPILED_READS: 'maybe' })).toThrow(/COMPILED_READS/);
  });
});

describe.each(drivers)('compiled reads on %s', (driver) => {
  let server: TestServer;
  let resolversOnly: YogaServer;
  let context: Parameters<typeof compiledAnswer>[4];

  beforeAll(async () => {
    server = await createTestServer(driver);
    const gazetteer = await loadGazetteer();
    const options = testServerOptions((o) => {
      o.compiledReads = false;
    });
    resolversOnly = createYogaServer({ db: server.db, gazetteer, options });
    context = { db: server.db, gazetteer };
    for (let i = 0; i < 3; i++) {
      const input = { ...demoImportInput(), url: `https://demo.news-graph.example/compiled-${i}` };
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    }
    // Undated articles: a null in the ordering column that cursors and keyset pages must handle.
    for (const url of [
      'https://demo.news-graph.example/undated-1',
      'https://demo.news-graph.example/undated-2',
    ]) {
      const input = { ...demoImportInput(), url, publishedAt: null };
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    }
    // Generated articles add what the demo page lacks: publication dates, outlets, unresolved speakers.
    await writeDataset(
      server.db,
      generateDataset({ seed: 11, claims: 300 }, loadNewsCities(), (p) => gazetteer.ancestors(p)),
      { articlesPerBatch: 50 },
    );
  }, 60_000);
  afterAll(() => server.close());

  const ask = (yoga: YogaServer, query: string, variables?: Record<string, unknown>) =>
    executeOperation<unknown, Record<string, unknown>>(
      yoga,
      query,
      variables ?? {},
    ) as Promise<ExecutionResult>;

  it.each(compiled)('answers %s, equal to the resolvers', async (_name, query, variables, statements = 1) => {
    server.resetStatements();
    const direct = await compiledAnswer(schema, parse(query), undefined, variables, context);
    const directStatements = [...server.statements];
    expect(direct).toBeDefined();
    expect(directStatements).toHaveLength(statements);

    server.resetStatements();
    const expected = await ask(resolversOnly, query, variables);
    expect(expected.errors).toBeUndefined();
    expect(server.statements.length).toBeGreaterThanOrEqual(statements);
    // Compared as sent: scalars serialize to values JSON renders (a DateTime stays a Date here).
    expect(JSON.parse(JSON.stringify(direct?.data))).toEqual(expected.data);

    // The server takes the same path: the same statements as the direct call.
    server.resetStatements();
    const served = await ask(server.yoga, query, variables);
    expect(JSON.stringify(served)).toBe(JSON.stringify(expected));
    expect(server.statements).toEqual(directStatements);
  });

  it('is switched off by the compiledReads option (the A/B the tests above compare against)', async () => {
    const graph3 = compiled[1][1];
    server.resetStatements();
    await ask(server.yoga, graph3);
    const compiledSql = [...server.statements];
    server.resetStatements();
    await ask(resolversOnly, graph3);
    // The same query up to column order (the plugin also loads each mention's key), so the
    // text tells which path answered.
    expect(server.statements).toHaveLength(1);
    expect(server.statements).not.toEqual(compiledSql);
  });

  it.each(['ADDED_DESC', 'PUBLISHED_ASC', 'PUBLISHED_DESC'])(
    'pages through every article and its claims after cursors (%s), as the resolvers do',
    async (order) => {
      const query = `query Page($after: String, $order: ArticleOrder) {
        articles(first: 7, after: $after, orderBy: $order) { pageInfo { hasNextPage hasPreviousPage endCursor }
          edges { cursor node { url publishedAt claims(first: 2) { pageInfo { endCursor } edges { node { text } } } } } } }`;
      let after: string | null = null;
      let pages = 0;
      let undated = 0;
      do {
        const variables = { after, order };
        server.resetStatements();
        const direct = await compiledAnswer(schema, parse(query), undefined, variables, context);
        expect(server.statements).toHaveLength(1);
        const expected = (await ask(resolversOnly, query, variables)) as { data: any };
        expect(JSON.parse(JSON.stringify(direct?.data))).toEqual(expected.data);
        undated += expected.data.articles.edges.filter((e: any) => e.node.publishedAt === null).length;
        after = expected.data.articles.pageInfo.hasNextPage
          ? expected.data.articles.pageInfo.endCursor
          : null;
        pages++;
      } while (after);
      expect(pages).toBeGreaterThan(3);
      expect(undated).toBe(2);
    },
  );

  it("pages an article's claims after a cursor, as the resolvers do", async () => {
    const query = `query Claims($after: String) { article(url: "https://demo.news-graph.example/compiled-1") {
      claims(first: 2, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { text } } } } }`;
    let after: string | null = null;
    let pages = 0;
    do {
      const variables = { after };
      const direct = await compiledAnswer(schema, parse(query), undefined, variables, context);
      const expected = (await ask(resolversOnly, query, variables)) as { data: any };
      expect(JSON.parse(JSON.stringify(direct?.data))).toEqual(expected.data);
      const info = expected.data.article.claims.pageInfo;
      after = info.hasNextPage ? info.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBeGreaterThan(1);
  });

  it('keeps real answers: pages of claims, places and sources, newest article first', async () => {
    const { data } = (await compiledAnswer(
      schema,
      parse(`{ articles(first: 100) { edges { node { url claims(first: 100) { edges { node {
        source { name } locations { name } } } } } } } }`),
      undefined,
      {},
      context,
    )) as { data: any };
    const articles = data.articles.edges.map((e: any) => e.node);
    expect(articles.length).toBeGreaterThan(10);
    expect(articles.at(-1).url).toBe('https://demo.news-graph.example/compiled-0');
    const claims = articles.flatMap((a: any) => a.claims.edges.map((e: any) => e.node));
    expect(claims.some((c: any) => c.source === null)).toBe(true);
    expect(claims.some((c: any) => c.source?.name && c.locations.length > 0)).toBe(true);
  });

  it.each(declined)('leaves %s to normal execution with the same answer', async (_name, query, variables) => {
    expect(await compiledAnswer(schema, parse(query), undefined, variables, context)).toBeUndefined();
    const expected = await ask(resolversOnly, query, variables);
    const served = await ask(server.yoga, query, variables);
    expect(served).toEqual(expected);
  });

  it('runs the operation a request names, and declines mutations', async () => {
    const document = parse(`query A { articles(first: 1) { edges { node { url } } } }
      query B { source(name: "Pentagon") { name } }
      mutation C { undoCuration(actionId: "x") { __typename } }`);
    expect(await compiledAnswer(schema, document, 'A', {}, context)).toBeDefined();
    expect(await compiledAnswer(schema, document, 'B', {}, context)).toBeUndefined();
    expect(await compiledAnswer(schema, document, 'C', {}, context)).toBeUndefined();
    expect(await compiledAnswer(schema, document, undefined, {}, context)).toBeUndefined();
  });

  it('tells of its own faults and leaves them to normal execution; database errors it reports', async () => {
    const failing = (error: Error) =>
      ({
        query: {
          articles: { findMany: () => ({ prepare: () => ({ execute: () => Promise.reject(error) }) }) },
        },
      }) as unknown as typeof context.db;
    const query = '{ articles(first: 1) { edges { node { url } } } }';
    const faults: unknown[] = [];
    const bug = new TypeError('a fault of the compiled path');
    const fromBug = await compiledAnswer(
      schema,
      parse(query),
      undefined,
      {},
      { ...context, db: failing(bug) },
      (e) => faults.push(e),
    );
    expect(fromBug).toBeUndefined();
    expect(faults).toEqual([bug]);

    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });
    const fromDatabase = await compiledAnswer(
      schema,
      parse(query),
      undefined,
      {},
      { ...context, db: failing(timeout) },
      (e) => faults.push(e),
    );
    expect(fromDatabase?.data).toBeNull();
    expect(fromDatabase?.errors?.map((e) => [e.path, e.originalError])).toEqual([[['articles'], timeout]]);
    expect(faults).toHaveLength(1);

    // Through the server: the fault is logged, and the resolvers (which never prepare) answer.
    const real = server.db.query.articles;
    const preparingFails = Object.create(server.db, {
      query: {
        value: {
          ...server.db.query,
          articles: {
            findMany: (config: never) =>
              Object.assign(real.findMany(config), {
                prepare: () => {
                  throw bug;
                },
              }),
            findFirst: (config: never) => real.findFirst(config),
          },
        },
      },
    }) as typeof server.db;
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const faulty = createYogaServer({
      db: preparingFails,
      gazetteer: context.gazetteer,
      options: testServerOptions(),
      logger,
    });
    const served = await ask(faulty, '{ articles(first: 2) { edges { node { title } } } }');
    const expected = await ask(resolversOnly, '{ articles(first: 2) { edges { node { title } } } }');
    expect(served).toEqual(expected);
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'compiled read failed; answered by the resolvers',
    ]);
  });

  it('sees a write made after an operation was compiled', async () => {
    const query = '{ articles(first: 1) { edges { node { url title } } } }';
    const document = parse(query);
    const before = await compiledAnswer(schema, document, undefined, {}, context);
    const input = { ...demoImportInput(), url: 'https://demo.news-graph.example/compiled-late' };
    expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    const after = (await compiledAnswer(schema, document, undefined, {}, context)) as { data: any };
    expect(after.data).not.toEqual(before?.data);
    expect(after.data.articles.edges[0].node.url).toBe(input.url);
  });
});
