// Sequential in-process requests of one benchmark shape through yoga.fetch, with the statements
// the last one sent (REPORT.md §3). DB=postgres://… npx tsx bench/probes/inproc-loop.ts graph3 [n] [--jit]

import { loadEnv } from '../../src/config/env.js';
import { createPostgresDb } from '../../src/db/client.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { serverOptionsFromEnv } from '../../src/server/options.js';
import { createYogaServer } from '../../src/server/yoga.js';
import { shapes } from '../shapes.js';

const url = process.env.DB ?? 'postgres://postgres@127.0.0.1:5432/ng_bench_10k';
const [name = 'graph3', count = '2000'] = process.argv.slice(2);
const shape = shapes({ name: 'Eilat', key: '' }).find((s) => s.name === name);
if (!shape) throw new Error(`no shape ${name}`);
const log: string[] = [];
const handle = createPostgresDb(url, { onQuery: (sql) => log.push(sql) });
// Options from the environment, so COMPILED_READS=off etc. can be compared.
const options = serverOptionsFromEnv(loadEnv(process.env));
const yoga = createYogaServer({ db: handle.db, gazetteer: await loadGazetteer(), options });
const body = JSON.stringify({ query: shape.newsGraph });
const ask = async () => {
  const res = await yoga.fetch('http://x/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return res.text();
};
for (let i = 0; i < 100; i++) await ask();
log.length = 0;
const sample = await ask();
const statements = [...log];
const n = Number(count);
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let i = 0; i < n; i++) await ask();
const ms = (performance.now() - start) / n;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    shape: name,
    n,
    msPerRequest: Number(ms.toFixed(2)),
    // Node's own CPU per request (user + system): less sensitive than wall time to a busy machine.
    cpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / n).toFixed(2)),
    statements: statements.length,
    sqlChars: statements.map((s) => s.length),
    answerBytes: sample.length,
    errors: sample.includes('"errors"'),
  }),
);
if (process.env.SHOW_SQL) for (const s of statements) console.log(s);
if (process.env.SHOW_ANSWER) console.log(sample);
await handle.close();
