import { z } from 'zod';

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');

/** An optional URL; an empty variable counts as unset (`DATABASE_URL= npm start`). */
const optionalUrl = () => z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const envSchema = z.object({
  DATABASE_URL: optionalUrl(),
  /** A PostgreSQL read replica for queries (needs DATABASE_URL); mutations use DATABASE_URL. */
  DATABASE_READ_URL: optionalUrl(),
  /** Where the server LISTENs for graph changes when DATABASE_URL is a transaction pool (PgBouncer). */
  DATABASE_LISTEN_URL: optionalUrl(),
  PGLITE_DATA_DIR: z.string().default('./.data/pglite'),
  /** PGlite's buffer cache; small keeps the embedded server's memory low. */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'a size such as 32MB')
    .default('32MB'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: int(15_000),
  /** Seconds postgres.js waits to open a connection before failing the query. */
  DB_CONNECT_TIMEOUT_S: int(10, 1),
  /** How long a request waits for a free place before it is answered 503 (see use-admission). */
  DB_ACQUIRE_TIMEOUT_MS: int(5_000, 1),
  /** Seconds an unused pooled connection stays open. */
  DB_IDLE_TIMEOUT_S: int(30, 0),
  /** Load the demo pages when the database is empty (on by default so a fresh clone has data). */
  SEED_DEMO: flag('true'),
  /** Redis for claim subscriptions across replicas; unset keeps events in process. */
  REDIS_URL: optionalUrl(),
  NODE_ENV: z.string().default('development'),
  // Query limits (see src/server/limits.ts).
  GRAPHQL_MAX_DEPTH: int(10, 1),
  GRAPHQL_MAX_ALIASES: int(15, 0),
  GRAPHQL_MAX_DIRECTIVES: int(20, 0),
  GRAPHQL_MAX_TOKENS: int(2_000, 10),
  GRAPHQL_MAX_COST: int(20_000, 1),
  GRAPHQL_INTROSPECTION: flag('true'),
  /** Only operations from the codegen documents (src/client/gql) may run. */
  GRAPHQL_PERSISTED_ONLY: flag('false'),
  // Auth (see src/server/auth.ts).
  READS_REQUIRE_TOKEN: flag('false'),
  /** Optional admin bearer token accepted for every operation, besides the api_tokens table. */
  NEWS_GRAPH_TOKEN: z.string().min(16).optional(),
  /** Requests per minute per token when the token row sets none. */
  TOKEN_RATE_LIMIT_PER_MIN: int(120, 1),
  // Response cache (see src/server/plugins/use-response-cache.ts).
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  /** Plain table reads skip per-field resolvers (src/graphql/compiled-reads/); off for A/B runs. */
  COMPILED_READS: z.enum(['on', 'off']).default('on'),
  /** Longest an entry is served; every committed write clears the cache before that. */
  RESPONSE_CACHE_TTL_MS: int(60_000, 1),
  RESPONSE_CACHE_MAX_ENTRIES: int(1_000, 1),
  /** Bound on the cached results' JSON size, in MB, all entries together. */
  RESPONSE_CACHE_MAX_MB: int(32, 1),
  /** With DATABASE_READ_URL: results computed this soon after a write are not cached (replica lag). */
  RESPONSE_CACHE_REPLICA_SETTLE_MS: int(1_000),
  // Logs.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SLOW_QUERY_MS: int(500),
});

export type Env = z.infer<typeof envSchema>;

/** Parses process.env once; the only module that reads it. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}
