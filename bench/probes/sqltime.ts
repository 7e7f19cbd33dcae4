// Times one GraphQL request in-process and each SQL statement it sends, run alone (REPORT.md §3).
// DB=postgres://… npx tsx bench/probes/sqltime.ts '{ … }'
import postgres from 'postgres';
import { createPostgresDb } from '../../src/db/client.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { createYogaServer } from '../../src/server/yoga.js';

const url = process.env.DB ?? 'postgres://postgres@127.0.0.1:5432/ng_bench_10k';
const log: { sql: string; params: unknown[] }[] = [];
const handle = createPostgresDb(url, { onQuery: (sql, params) => log.push({ sql, params }) });
const yoga = createYogaServer({ db: handle.db, gazetteer: await loadGazetteer() });
const raw = postgres(url, { max: 1 });
const q = process.argv[2];
const ask = async () =>
  (
    await yoga.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q }),
    })
  ).text();
for (let i = 0; i < 20; i++) await ask();
log.length = 0;
await ask();
const stmts = [...log];
const n = 50;
let t = performance.now();
for (let i = 0; i < n; i++) await ask();
const total = (performance.now() - t) / n;
const sqlMs: number[] = [];
for (const s of stmts) {
  for (let i = 0; i < 5; i++) await raw.unsafe(s.sql, s.params as any[]);
  t = performance.now();
  for (let i = 0; i < n; i++) await raw.unsafe(s.sql, s.params as any[]);
  sqlMs.push((performance.now() - t) / n);
}
console.log(
  `request ${total.toFixed(1)} ms in-process; statements ${sqlMs.map((x) => x.toFixed(1)).join(' + ')} ms when run alone`,
);
await raw.end();
await handle.close();
