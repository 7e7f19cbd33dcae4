// npm run bench [-- --rounds 5 --seconds 3 --connections 16 --scale --db <url>]
// Contenders on one core (taskset -c 0), this process (autocannon) on the other; see REPORT.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { coldStart } from './lib/cold-start.js';
import { type ContenderName, endpoint, startContender } from './lib/contenders.js';
import { busiestCity, prepareDatabase } from './lib/database.js';
import { median, runLoad } from './lib/load.js';
import { postJson, type Server, treeRssMb } from './lib/procs.js';
import { renderMarkdown } from './lib/render.js';
import { scaleRun } from './lib/scale.js';
import { type Check, verifyShape } from './lib/verify.js';
import { shapes } from './shapes.js';

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/ng_bench_10k' },
    claims: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    scale: { type: 'boolean', default: false },
    'skip-cold': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest' },
  },
});
const rounds = Number(opts.rounds);
const seconds = Number(opts.seconds);
const connections = Number(opts.connections);
const SERVER_CPU = 0;

export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  errors: number;
}

/** PostGraphile lives in its own package (graphql 15); install it from its lock file on first use. */
function ensurePostgraphileInstalled() {
  if (existsSync('bench/postgraphile/node_modules/postgraphile')) return;
  console.log('installing bench/postgraphile (npm ci)…');
  const r = spawnSync('npm', ['ci', '--prefix', 'bench/postgraphile'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm ci in bench/postgraphile failed');
}

async function main() {
  ensurePostgraphileInstalled();
  const machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  console.log('machine', machine);
  const claims = await prepareDatabase(opts.db as string, Number(opts.claims));
  const place = await busiestCity(opts.db as string);
  console.log(`database ${opts.db}: ${claims} claims; busy place ${place.name} (${place.key})`);
  const names: ContenderName[] = [
    'news-graph',
    'news-graph (resolvers only)',
    'news-graph (response cache)',
    'postgraphile',
    'ceiling',
  ];
  const servers: Server[] = [];
  for (const [i, name] of names.entries())
    servers.push(await startContender(name, opts.db as string, 4100 + i, SERVER_CPU, place.key));
  try {
    const list = await available(servers[0], shapes(place));
    const checks: Record<string, Check> = {};
    for (const shape of list) checks[shape.name] = await verifyShape(servers, shape);
    console.log('checks', checks);
    const samples = await measure(servers, list);
    const result = {
      machine,
      date: new Date().toISOString(),
      db: opts.db,
      claims,
      place,
      rounds,
      seconds,
      connections,
      checks,
      samples,
      cold: undefined as unknown,
      scale: undefined as unknown,
    };
    await Promise.all(servers.map((s) => s.stop()));
    if (!opts['skip-cold']) result.cold = await coldStart();
    if (opts.scale) result.scale = await scaleRun(SERVER_CPU);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`${opts.out}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${opts.out}.md`, renderMarkdown(result));
    console.log(renderMarkdown(result));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** Drops the optional shapes news-graph cannot answer yet (search/aggregates still being built). */
async function available(newsGraph: Server, list: ReturnType<typeof shapes>) {
  const keep = [];
  for (const shape of list) {
    const res = shape.optional ? await postJson(`${newsGraph.url}/graphql`, shape.newsGraph) : null;
    if (res && (res.status !== 200 || JSON.parse(res.text).errors))
      console.log(`skipping ${shape.name}: ${res.text.slice(0, 200)}`);
    else keep.push(shape);
  }
  return keep;
}

/** Warm-up, then `rounds` rounds; within a round each shape runs on each contender, order rotated. */
async function measure(servers: Server[], list: ReturnType<typeof shapes>) {
  const samples: Record<string, Record<string, Sample[]>> = {};
  const runnable = (s: Server, shape: (typeof list)[number]) =>
    s.name === 'postgraphile' ? shape.postgraphile : shape.newsGraph;
  for (const shape of list)
    for (const s of servers) {
      const query = runnable(s, shape);
      if (query) await runLoad(endpoint(s, shape.name), query, connections, 1);
    }
  for (let round = 0; round < rounds; round++) {
    for (const shape of list) {
      const order = [...servers.slice(round % servers.length), ...servers.slice(0, round % servers.length)];
      for (const s of order) {
        const query = runnable(s, shape);
        if (!query) continue;
        const r = await runLoad(endpoint(s, shape.name), query, connections, seconds);
        const sample = { ...r, rssMb: treeRssMb(s.proc.pid as number).total };
        ((samples[shape.name] ??= {})[s.name] ??= []).push(sample);
      }
    }
    console.log(`round ${round + 1}/${rounds} done`);
  }
  return samples;
}

export const medianOf = (xs: Sample[], k: keyof Sample) => median(xs.map((x) => x[k]));

await main();
