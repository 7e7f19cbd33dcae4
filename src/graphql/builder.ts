import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import { DateTimeResolver, JSONResolver, URLResolver } from 'graphql-scalars';
import type { Database } from '../db/client.js';
import { relations } from '../db/relations.js';
import type { ClaimEvents } from '../events/claim-events.js';
import type { Gazetteer } from '../geo/types.js';
import type { Loaders } from './loaders.js';

/** Per-request context: the injected database, the place index and request-scoped batch loaders. */
export interface Context {
  db: Database;
  gazetteer: Gazetteer;
  loaders: Loaders;
  /** Publishes claim events after writes; subscriptions read them. */
  claimEvents: ClaimEvents;
}

/** Largest page any connection returns, whatever `first`/`last` asks for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const builder = new SchemaBuilder<{
  Context: Context;
  DrizzleRelations: typeof relations;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    URL: { Input: URL; Output: URL | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);
// graphql-scalars' URL throws a bare TypeError on bad input, which Yoga would mask as an
// internal error; report it as the user's mistake instead.
builder.scalarType('URL', {
  description: URLResolver.description ?? undefined,
  serialize: (value) => URLResolver.serialize(value),
  parseValue: (value) => asUserError(() => URLResolver.parseValue(value) as URL),
  parseLiteral: (ast) => asUserError(() => URLResolver.parseLiteral(ast, {}) as URL),
});

function asUserError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`Invalid URL: ${(error as Error).message}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
}

builder.queryType({ description: 'Entry points into the news graph.' });
builder.mutationType({ description: 'Writes: loading articles into the graph.' });
builder.subscriptionType({ description: 'Live updates over server-sent events.' });
