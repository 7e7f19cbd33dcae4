import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { type ClaimEvents, createClaimEvents } from '../events/claim-events.js';
import type { Gazetteer } from '../geo/types.js';
import type { Context } from '../graphql/builder.js';
import { createLoaders } from '../graphql/loaders.js';
import { schema } from '../graphql/schema.js';
import { useAuth } from './auth.js';
import { DEFAULT_GRAPHIQL_QUERY, GRAPHIQL_TABS, offlineGraphiQL } from './graphiql.js';
import { useHealthChecks } from './health.js';
import { createLogger, type Logger } from './logger.js';
import { maskServerError } from './mask-error.js';
import { defaultServerOptions, type ServerOptions } from './options.js';
import { useAdmission } from './plugins/use-admission.js';
import { useCompiledReads } from './plugins/use-compiled-reads.js';
import { useIntrospection } from './plugins/use-introspection.js';
import { usePageCost } from './plugins/use-page-cost.js';
import { usePersistedOnly } from './plugins/use-persisted-only.js';
import { useQueryLimits } from './plugins/use-query-limits.js';
import { useReadReplica } from './plugins/use-read-replica.js';
import { useRequestLog } from './plugins/use-request-log.js';
import { type GraphChanges, useResponseCache } from './plugins/use-response-cache.js';

export interface ServerDeps {
  /** The primary: every write, and every read when there is no replica. */
  db: Database;
  /** A read replica (DATABASE_READ_URL) for queries; mutations stay on the primary. */
  readDb?: Database;
  gazetteer: Gazetteer;
  /** Claim event bus (Redis-backed for several replicas); in-process when omitted. */
  claimEvents?: ClaimEvents;
  /** Limits, auth and the rest; defaults are those of an empty environment. */
  options?: ServerOptions;
  logger?: Logger;
  /**
   * Committed writes to the primary, from any process; the response cache needs them and stays
   * off without them (`handle.listen` bound to GRAPH_CHANGED_CHANNEL, see main.ts).
   */
  changes?: GraphChanges;
}

/** The Yoga instance over an injected database; it never listens (see main.ts). */
export function createYogaServer(deps: ServerDeps) {
  const claimEvents = deps.claimEvents ?? createClaimEvents(deps.db);
  const options = deps.options ?? defaultServerOptions();
  const log = deps.logger ?? createLogger({ NODE_ENV: 'test', LOG_LEVEL: undefined });
  const plugins: Plugin[] = [
    // First: each later plugin wraps the execute function the ones before it set, so the compiled
    // path is the innermost executor, inside the response cache and the admission gate.
    ...(options.compiledReads ? [useCompiledReads(log)] : []),
    useRequestLog(log),
    useHealthChecks(deps.db),
    // Browsers may send "simple" requests cross-site without a preflight; make them carry a header.
    useCSRFPrevention({ requestHeaders: ['x-graphql-csrf', 'x-graphql-yoga-csrf'] }) as Plugin,
    ...(options.persistedOnly ? [usePersistedOnly()] : []),
    // After persisted operations: the cache key is built from the parameters that plugin sets.
    ...(options.responseCache.enabled && deps.changes
      ? [
          useResponseCache(
            { ...options.responseCache, readsRequireToken: options.auth.readsRequireToken },
            deps.changes,
            log,
          ),
        ]
      : []),
    useIntrospection(options.introspection),
    useQueryLimits(options),
    useAuth(deps.db, options.auth),
    usePageCost(options.limits.maxCost),
    useAdmission(options.admission),
    ...(deps.readDb ? [useReadReplica(deps.readDb)] : []),
  ];
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    batching: false,
    maskedErrors: { maskError: maskServerError },
    logging: false,
    graphiql: { title: 'news-graph', defaultQuery: DEFAULT_GRAPHIQL_QUERY, defaultTabs: GRAPHIQL_TABS },
    renderGraphiQL: offlineGraphiQL(),
    plugins,
    context: () => ({ db: deps.db, gazetteer: deps.gazetteer, loaders: createLoaders(), claimEvents }),
  });
}

export type YogaServer = ReturnType<typeof createYogaServer>;
