// npm run bench:startup [-- --rounds 5 --variant 'name=cmd args' --variant 'name=ENV=v cmd args']
// First-ever and warm start-up of the embedded (PGlite) server: time from spawn until the central
// question is answered, and the server process's RSS then. Variants run interleaved; medians.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { medianResult, NPM_START, type StartVariant, startupRuns } from './lib/cold-start.js';

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    variant: { type: 'string', multiple: true, default: [] },
  },
});

/** `name=A=1 B=2 cmd arg…`: leading NAME=value words are environment, the rest is the command. */
function parseVariant(spec: string): StartVariant {
  const eq = spec.indexOf('=');
  const words = spec
    .slice(eq + 1)
    .trim()
    .split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [k, ...v] = (words.shift() as string).split('=');
    env[k] = v.join('=');
  }
  return { name: spec.slice(0, eq), command: words, env };
}

const variants = (opts.variant as string[]).length
  ? (opts.variant as string[]).map(parseVariant)
  : [NPM_START];
// Compile now if the sources changed, so the first round does not time a build.
if (spawnSync('node', ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' }).status !== 0)
  throw new Error('npm run build failed');
const runs = await startupRuns(variants, Number(opts.rounds));
const base = runs[0];
console.log(`\nmedians of ${opts.rounds} interleaved rounds (ratios to "${base.variant}")`);
console.log(
  '| variant | first ms | first CPU ms | first RSS MB | warm ms | warm CPU ms | warm RSS MB | first ms ratio | warm ms ratio |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of runs) {
  const f = medianResult(r.first);
  const w = medianResult(r.warm);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `| ${r.variant} | ${f.ms} | ${f.cpuMs} | ${f.rssMb} | ${w.ms} | ${w.cpuMs} | ${w.rssMb} | ${ratio(f.ms, medianResult(base.first).ms)} | ${ratio(w.ms, medianResult(base.warm).ms)} |`,
  );
}
