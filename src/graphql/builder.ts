import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { DateTimeResolver, URLResolver } from 'graphql-scalars';
import type { Database } from '../db/client.js';
import { relations } from '../db/relations.js';
import type { Gazetteer } from '../geo/types.js';
import type { Loaders } from './loaders.js';

/** Per-request context: the injected database, the place index and request-scoped batch loaders. */
export interface Context {
  db: Database;
  gazetteer: Gazetteer;
  loaders: Loaders;
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
builder.addScalarType('URL', URLResolver);

builder.queryType({ description: 'Entry points into the news graph.' });
builder.mutationType({ description: 'Writes: loading articles into the graph.' });
