import { createServer } from 'node:http';
import { loadEnv } from '../config/env.js';
import { openDatabase } from '../db/open.js';
import { loadDemoIfEmpty } from '../demo/load-demo.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { createYogaServer } from './yoga.js';

const env = loadEnv();
const started = performance.now();
const [handle, gazetteer] = await Promise.all([openDatabase(env), loadGazetteer()]);
if (env.SEED_DEMO) {
  const loaded = await loadDemoIfEmpty(handle.db, gazetteer);
  if (loaded > 0) console.log(`Loaded ${loaded} demo page(s) into the empty database.`);
}
const yoga = createYogaServer({ db: handle.db, gazetteer });
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
    await handle.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
