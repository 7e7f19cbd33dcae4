import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlesGraphDocument, CentralQuestionDocument } from '../../src/client/gql/graphql.js';
import type { Database } from '../../src/db/client.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { schema } from '../../src/graphql/schema.js';
import { operationCost } from '../../src/server/plugins/use-page-cost.js';
import { createYogaServer } from '../../src/server/yoga.js';
import { errorCodes, postGraphQL } from '../helpers/http.js';
import { testServerOptions } from '../helpers/server.js';

// Operations rejected before execution never reach the database, so a stub is enough here.
const stub = { db: {} as Database, gazetteer: {} as Gazetteer };
const yoga = createYogaServer({ ...stub, options: testServerOptions() });

function nested(depth: number): string {
  let q = 'id';
  for (let i = 0; i < depth; i++) q = `parent { ${q} }`;
  return `{ location(name: "x") { ${q} } }`;
}

describe('query limits (on by default)', () => {
  it('rejects a query deeper than 10 and accepts one at the limit', async () => {
    const deep = await postGraphQL(yoga, { query: nested(10) });
    expect(deep.status).toBe(400);
    expect(errorCodes(deep)).toContain('QUERY_TOO_COMPLEX');
    expect(deep.text).toMatch(/depth/i);
    const cost = operationCost(schema, parse(nested(8)));
    expect(cost).toBeLessThan(100);
  });

  it('rejects too many aliases, directives and tokens', async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ')} }`;
    const directives = `{ articles(first: 1) { totalCount ${'@include(if: true) '.repeat(21)} } }`;
    const tokens = `{ articles(first: 1) { ${'totalCount '.repeat(2100)} } }`;
    for (const query of [aliases, directives, tokens]) {
      const response = await postGraphQL(yoga, { query });
      expect(response.status).toBe(400);
      expect(errorCodes(response)).toContain('QUERY_TOO_COMPLEX');
    }
  });

  it('limits are configurable', async () => {
    const loose = createYogaServer({ ...stub, options: testServerOptions((o) => (o.limits.maxDepth = 20)) });
    const response = await postGraphQL(loose, { query: nested(12) });
    expect(errorCodes(response)).not.toContain('QUERY_TOO_COMPLEX');
  });

  it('the cost multiplies by page sizes, from literals and variables', () => {
    const doc = parse(
      'query($n: Int) { articles(first: $n) { edges { node { claims(first: 50) { edges { node { text } } } } } } }',
    );
    const small = operationCost(schema, doc, { n: 2 });
    const large = operationCost(schema, doc, { n: 100 });
    expect(large).toBeGreaterThan(small * 40);
    // Asking for more than the maximum page costs as much as the maximum page.
    expect(operationCost(schema, doc, { n: 100_000 })).toBe(large);
  });

  it('rejects a query whose pages multiply beyond the budget, with a code', async () => {
    const query =
      '{ articles(first: 100) { edges { node { claims(first: 100) { edges { node { text quote via } } } } } } }';
    const response = await postGraphQL(yoga, { query });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COSTLY']);
    expect(response.body.data ?? null).toBeNull();
  });

  it('the shipped client operations fit the budget', () => {
    const max = testServerOptions().limits.maxCost;
    expect(operationCost(schema, CentralQuestionDocument, { name: 'x', first: 100 })).toBeLessThan(max);
    expect(operationCost(schema, ArticlesGraphDocument, { first: 20 })).toBeLessThan(max);
  });

  it('batching is off', async () => {
    const response = await postGraphQL(yoga, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body.data).toBeUndefined();
  });

  it('field suggestions are given in development and hidden in production', async () => {
    const query = '{ articlez(first: 1) { totalCount } }';
    const dev = await postGraphQL(yoga, { query });
    expect(dev.text).toMatch(/Did you mean/);
    const prod = createYogaServer({
      ...stub,
      options: testServerOptions((o) => (o.fieldSuggestions = false)),
    });
    const response = await postGraphQL(prod, { query });
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/Did you mean|articles/);
  });

  it('introspection is on by default and can be switched off', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await postGraphQL(yoga, { query })).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const closed = createYogaServer({
      ...stub,
      options: testServerOptions((o) => (o.introspection = false)),
    });
    const response = await postGraphQL(closed, { query });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.text).toMatch(/introspection/i);
  });
});
