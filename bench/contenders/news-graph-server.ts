// news-graph as benchmarked: the real Yoga server (createYogaServer) over PostgreSQL, plus
// /__bench/statements, the number of SQL statements Drizzle has sent (via the client's onQuery).
// RESPONSE_CACHE=on (the "news-graph (response cache)" contender) listens for graph changes as
// main.ts does; otherwise every request executes. COMPILED_READS=off is the resolvers-only A/B.
import { createServer } from 'node:http';
import { loadEnv } from '../../src/config/env.js';
import { GRAPH_CHANGED_CHANNEL } from '../../src/db/listen.js';
import { openDatabase } from '../../src/db/open.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { serverOptionsFromEnv } from '../../src/server/options.js';
import { createYogaServer } from '../../src/server/yoga.js';

let statements = 0;
const env = loadEnv();
const [handle, gazetteer] = await Promise.all([
  openDatabase(env, { onQuery: () => void statements++ }),
  loadGazetteer(),
]);
const cached = env.RESPONSE_CACHE === 'on';
const yoga = createYogaServer({
  db: handle.db,
  gazetteer,
  options: serverOptionsFromEnv(env),
  changes: cached ? (listener) => handle.listen(GRAPH_CHANGED_CHANNEL, listener) : undefined,
});
createServer((req, res) => {
  if (req.url === '/__bench/statements') return void res.end(String(statements));
  return yoga(req, res);
}).listen(env.PORT, () => console.log('news-graph ready'));
