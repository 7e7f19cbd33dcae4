import { createServer } from 'node:http';
import { loadEnv } from '../config/env.js';
import { openDatabase } from '../db/open.js';
import { loadDemoIfEmpty } from '../demo/load-demo.js';
import { createClaimEvents } from '../events/claim-events.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { createYogaServer } from './yoga.js';

const env = loadEnv();
const started = performance.now();
const [handle, gazetteer] = await Promise.all([openDatabase(env), loadGazetteer()]);
if (env.SEED_DEMO) {
  const loaded = await loadDemoIfEmpty(handle.db, gazetteer);
  if (loaded > 0) console.log(`Loaded ${loaded} demo page(s) into the empty database.`);
}
// With REDIS_URL, claim events reach the subscribers of every replica.
const claimEvents = createClaimEvents(handle.db, { redisUrl: env.REDIS_URL });
const yoga = createYogaServer({ db: handle.db, gazetteer, claimEvents });
const server = createServer(yoga);
server.listen(env.PORT, () => {
  const where = env.DATABASE_URL ? 'PostgreSQL' : `PGlite (${env.PGLITE_DATA_DIR})`;
  const ms = Math.round(performance.now() - started);
  console.log(`news-graph on ${where}: GraphiQL at http://localhost:${env.PORT}/graphql (ready in ${ms} ms)`);
});

// Stop taking connections, let in-flight requests finish, then close the database.
function shutdown(signal: string) {
  console.log(`${signal}: shutting down`);
  server.close(async () => {
    await claimEvents.close();
    await handle.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
