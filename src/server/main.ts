import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadEnv } from '../config/env.js';
import { GRAPH_CHANGED_CHANNEL } from '../db/listen.js';
import { openDatabase, openReadReplica } from '../db/open.js';
import { guardAgainstPostgresNullSocketWrites } from '../db/postgres-crash-guard.js';
import { loadDemoIfEmpty } from '../demo/load-demo.js';
import { copyDemoTemplate } from '../demo/template.js';
import { createClaimEvents } from '../events/claim-events.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { createLogger, slowQueryLogger } from './logger.js';
import { serverOptionsFromEnv } from './options.js';
import { createYogaServer } from './yoga.js';

const env = loadEnv();
const log = createLogger(env);
if (env.DATABASE_URL)
  guardAgainstPostgresNullSocketWrites((error) =>
    log.warn({ err: error }, 'postgres.js null-socket write ignored'),
  );
const options = serverOptionsFromEnv(env);
const started = performance.now();
// A first start copies the prebuilt demo database (npm run build makes it) instead of running
// initdb and extracting the demo; the migrations below still run over the copy.
if (!env.DATABASE_URL && env.SEED_DEMO && copyDemoTemplate(env.PGLITE_DATA_DIR))
  log.info({ dataDir: env.PGLITE_DATA_DIR }, 'first start: copied the prebuilt demo database');
const [handle, gazetteer] = await Promise.all([
  openDatabase(env, { onQueryDone: slowQueryLogger(log, options.slowQueryMs) }),
  loadGazetteer(),
]);
if (env.SEED_DEMO) {
  const loaded = await loadDemoIfEmpty(handle.db, gazetteer);
  if (loaded > 0) log.info({ loaded }, 'loaded demo pages into the empty database');
}
// With REDIS_URL, claim events reach the subscribers of every replica.
const claimEvents = createClaimEvents(handle.db, { redisUrl: env.REDIS_URL });
const replica = openReadReplica(env, { onQueryDone: slowQueryLogger(log, options.slowQueryMs) });
const yoga = createYogaServer({
  db: handle.db,
  readDb: replica?.db,
  gazetteer,
  claimEvents,
  options,
  logger: log,
  // The primary's notifications: a replica would only hear its own (it takes no writes).
  changes: (listener) => handle.listen(GRAPH_CHANGED_CHANNEL, listener),
});
const server = createServer(yoga);
server.listen(env.PORT, () => {
  const { port } = server.address() as AddressInfo;
  const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite (${env.PGLITE_DATA_DIR})`;
  const ms = Math.round(performance.now() - started);
  log.info({ port, database: where, ms }, `news-graph: GraphiQL at http://localhost:${port}/graphql`);
});

// Stop taking connections, let in-flight requests finish, then close the database and exit 0.
let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'shutting down: finishing in-flight requests');
  server.close(async () => {
    await claimEvents.close();
    await replica?.close();
    await handle.close();
    log.info('stopped');
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
