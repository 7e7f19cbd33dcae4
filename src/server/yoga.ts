import { createYoga } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { type ClaimEvents, createClaimEvents } from '../events/claim-events.js';
import type { Gazetteer } from '../geo/types.js';
import type { Context } from '../graphql/builder.js';
import { createLoaders } from '../graphql/loaders.js';
import { schema } from '../graphql/schema.js';
import { DEFAULT_GRAPHIQL_QUERY, offlineGraphiQL } from './graphiql.js';

export interface ServerDeps {
  db: Database;
  gazetteer: Gazetteer;
  /** Claim event bus (Redis-backed for several replicas); in-process when omitted. */
  claimEvents?: ClaimEvents;
}

/** The Yoga instance over an injected database; it never listens (see main.ts). */
export function createYogaServer(deps: ServerDeps) {
  const claimEvents = deps.claimEvents ?? createClaimEvents(deps.db);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'news-graph', defaultQuery: DEFAULT_GRAPHIQL_QUERY },
    renderGraphiQL: offlineGraphiQL(),
    context: () => ({ db: deps.db, gazetteer: deps.gazetteer, loaders: createLoaders(), claimEvents }),
  });
}

export type YogaServer = ReturnType<typeof createYogaServer>;
