import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLType,
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { drivers } from '../helpers/db.js';
import { postGraphQL } from '../helpers/http.js';
import { createTestServer, demoImportInput, TEST_ADMIN_TOKEN, type TestServer } from '../helpers/server.js';

const RUNS = 60;

function argValue(type: GraphQLType): fc.Arbitrary<string> | null {
  const named = getNamedType(type);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.name));
  if (!isScalarType(named)) return null;
  switch (named.name) {
    case 'Int':
      return fc.integer({ min: -5, max: 1_000 }).map(String);
    case 'Boolean':
      return fc.boolean().map(String);
    case 'String':
    case 'ID':
      return fc
        .oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Raqa', 'Syria', 'Dillon', ''))
        .map((s) => JSON.stringify(s));
    case 'URL':
      return fc.constantFrom('"https://example.com/a"', '"not a url"');
    default:
      return fc.constant('"2017-10-12T00:00:00Z"');
  }
}

/** Arguments for a field: required ones always, optional ones sometimes; null when one cannot be made. */
function args(field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> | null {
  const parts: fc.Arbitrary<string>[] = [];
  for (const arg of field.args as readonly GraphQLArgument[]) {
    const value = argValue(arg.type);
    if (!value) {
      if (isNonNullType(arg.type)) return null;
      continue;
    }
    const pair = value.map((v) => `${arg.name}: ${v}`);
    parts.push(isNonNullType(arg.type) ? pair : fc.option(pair, { nil: '' }));
  }
  if (parts.length === 0) return fc.constant('');
  return fc.tuple(...parts).map((xs) => (xs.some(Boolean) ? `(${xs.filter(Boolean).join(', ')})` : ''));
}

/** A random valid selection set on `type`, at most `depth` levels deep. */
function selection(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (!isObjectType(type) || depth === 0) return fc.constant('__typename');
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const a = args(field);
    if (!a) return [];
    const child = getNamedType(field.type);
    const sub = isObjectType(child)
      ? selection(child, depth - 1).map((s) => ` { ${s} }`)
      : isScalarType(child) || isEnumType(child)
        ? fc.constant('')
        : fc.constant(' { __typename }');
    return [fc.tuple(a, sub).map(([x, s]) => `${field.name}${x}${s}`)];
  });
  return fc
    .uniqueArray(fc.oneof(...fields), { minLength: 1, maxLength: 4, selector: (s) => s.split(/[ ({]/)[0] })
    .map((xs) => xs.join(' '));
}

const validQuery = selection(schema.getQueryType() as GraphQLNamedType, 4).map((s) => `{ ${s} }`);
const brokenQuery = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .tuple(validQuery, fc.nat(), fc.string({ maxLength: 3 }))
    .map(([q, i, junk]) => q.slice(0, i % q.length) + junk + q.slice((i % q.length) + 1)),
);

describe.each(drivers)('random GraphQL documents (%s)', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
    const query = 'mutation($i: ImportArticleInput!) { importArticle(input: $i) { status } }';
    await postGraphQL(
      server.yoga,
      { query, variables: { i: demoImportInput() } },
      { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    );
  });
  afterAll(() => server.close());

  const neverCrashes = async (query: string) => {
    const response = await postGraphQL(server.yoga, { query });
    expect(response.status).toBeLessThan(500);
    const codes = (response.body.errors ?? []).map((e) => e.extensions?.code);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  };

  it('valid queries answer without a 500 or an unexpected error', async () => {
    await fc.assert(fc.asyncProperty(validQuery, neverCrashes), { numRuns: RUNS });
  });

  it('broken documents are rejected cleanly', async () => {
    await fc.assert(fc.asyncProperty(brokenQuery, neverCrashes), { numRuns: RUNS });
  });
});
