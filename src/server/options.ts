import { type Env, loadEnv } from '../config/env.js';
import type { ResponseCacheOptions } from './plugins/use-response-cache.js';

/** Per-operation limits applied before execution. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Budget of `src/server/plugins/use-page-cost.ts`: fields times the page sizes above them. */
  maxCost: number;
}

export interface AuthOptions {
  /** Admin bearer token from NEWS_GRAPH_TOKEN; accepted for everything, never rate limited. */
  adminToken?: string;
  /** When false, queries need no token; mutations always do. */
  readsRequireToken: boolean;
  /** Requests per minute for a database token that sets no limit of its own. */
  defaultRatePerMinute: number;
}

/** Everything createYogaServer can be tuned with; `serverOptionsFromEnv` maps the environment. */
export interface ServerOptions {
  limits: QueryLimits;
  introspection: boolean;
  /** "Did you mean …?" hints leak the schema; off in production. */
  fieldSuggestions: boolean;
  persistedOnly: boolean;
  auth: AuthOptions;
  slowQueryMs: number;
  /** Operations executing at once, and how long one may wait for a place before a 503. */
  admission: { maxConcurrent: number; acquireTimeoutMs: number };
  /** In-memory cache of anonymous query results, cleared by every committed write. */
  responseCache: ResponseCacheOptions;
  /** Plain table reads answered by one compiled relational query (graphql/compiled-reads/). */
  compiledReads: boolean;
}

/** Maps the parsed environment onto server options. */
export function serverOptionsFromEnv(env: Env): ServerOptions {
  return {
    limits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
    },
    introspection: env.GRAPHQL_INTROSPECTION,
    fieldSuggestions: env.NODE_ENV !== 'production',
    persistedOnly: env.GRAPHQL_PERSISTED_ONLY,
    auth: {
      adminToken: env.NEWS_GRAPH_TOKEN,
      readsRequireToken: env.READS_REQUIRE_TOKEN,
      defaultRatePerMinute: env.TOKEN_RATE_LIMIT_PER_MIN,
    },
    slowQueryMs: env.SLOW_QUERY_MS,
    // Twice the pool: each operation holds a connection only while a statement runs.
    admission: { maxConcurrent: env.DB_POOL_SIZE * 2, acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS },
    responseCache: {
      enabled: env.RESPONSE_CACHE === 'on',
      ttlMs: env.RESPONSE_CACHE_TTL_MS,
      maxEntries: env.RESPONSE_CACHE_MAX_ENTRIES,
      maxBytes: env.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
      settleMs: env.DATABASE_READ_URL ? env.RESPONSE_CACHE_REPLICA_SETTLE_MS : 0,
    },
    compiledReads: env.COMPILED_READS === 'on',
  };
}

/** The defaults of every variable, whatever this process's environment says. */
export function defaultServerOptions(): ServerOptions {
  return serverOptionsFromEnv(loadEnv({}));
}
