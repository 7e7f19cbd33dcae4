import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, postJson, stopGroup, treeRssMb, waitFor } from './procs.js';

/** The central question, as issue 6 times it: answered once the demo's Raqqa sources come back. */
export const CENTRAL =
  '{ location(name:"Raqqa"){ sources(includeContained:true){ edges{ node{ name } claimCount } } } }';

export interface StartResult {
  ms: number;
  /** The server process: the largest process of the tree (node running main, not npm or sh). */
  rssMb: number;
  /** npm + sh + node together. */
  treeRssMb: number;
  /** CPU time (user + system) the server process had used by then; steadier than ms on a busy machine. */
  cpuMs: number;
}

/** How to start the server: a command line and extra environment. */
export interface StartVariant {
  name: string;
  command: string[];
  env?: Record<string, string | undefined>;
}

/**
 * `npm start` on every core: `npm run bench` pins itself to one core, and a user's server is
 * not pinned.
 */
export const NPM_START: StartVariant = {
  name: 'npm start',
  command: ['taskset', '-c', `0-${cpus().length - 1}`, 'npm', 'start'],
};

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** utime + stime of a process in ms (/proc/<pid>/stat fields 14 and 15, in 1/100 s ticks). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Starts `variant` on PGlite in `dir`: time from spawn to the first answered central question, and RSS then. */
export async function startOnce(variant: StartVariant, dir: string): Promise<StartResult> {
  const port = await freePort();
  const started = performance.now();
  const proc = launch(variant.command, {
    ...variant.env,
    PGLITE_DATA_DIR: dir,
    PORT: String(port),
    DATABASE_URL: undefined,
    LOG_LEVEL: 'silent',
  });
  proc.stdout?.resume();
  try {
    await waitFor(
      async () => {
        const res = await postJson(`http://127.0.0.1:${port}/graphql`, CENTRAL);
        return res.status === 200 && res.text.includes('claimCount');
      },
      120_000,
      20,
    );
    const ms = Math.round(performance.now() - started);
    const rss = treeRssMb(proc.pid as number);
    return { ms, rssMb: rss.largest, treeRssMb: rss.total, cpuMs: cpuMs(rss.largestPid) };
  } finally {
    await stopGroup(proc);
  }
}

export interface StartupSummary {
  variant: string;
  first: StartResult[];
  warm: StartResult[];
}

/**
 * `rounds` rounds; in each, every variant does a first-ever start into an empty directory and
 * then a warm restart of that directory. Variants run interleaved so they share the machine's noise.
 */
export async function startupRuns(variants: StartVariant[], rounds: number): Promise<StartupSummary[]> {
  const out = variants.map((v) => ({
    variant: v.name,
    first: [] as StartResult[],
    warm: [] as StartResult[],
  }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, variant] of variants.entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'ng-bench-pglite-'));
      try {
        out[i].first.push(await startOnce(variant, dir));
        out[i].warm.push(await startOnce(variant, dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const last = (xs: StartResult[]) =>
        `${xs.at(-1)?.ms} ms/${xs.at(-1)?.rssMb} MB/cpu ${xs.at(-1)?.cpuMs} ms`;
      console.log(
        `round ${round + 1} ${variant.name}: first ${last(out[i].first)}, warm ${last(out[i].warm)}`,
      );
    }
  }
  return out;
}

/** The median of each field over the runs. */
export function medianResult(runs: StartResult[]): StartResult {
  const med = (k: keyof StartResult) => {
    const xs = runs.map((r) => r[k]).sort((a, b) => a - b);
    return xs.length % 2
      ? xs[(xs.length - 1) / 2]
      : Math.round((xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
  };
  return { ms: med('ms'), rssMb: med('rssMb'), treeRssMb: med('treeRssMb'), cpuMs: med('cpuMs') };
}

/** `npm start` medians over `rounds` first-ever starts and warm restarts (the bench's start-up section). */
export async function coldStart(
  rounds = 5,
): Promise<{ first: StartResult; warm: StartResult; rounds: number }> {
  // Compile now if the sources changed, so the first round does not time a build.
  const build = spawnSync('node', ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const [runs] = await startupRuns([NPM_START], rounds);
  return { first: medianResult(runs.first), warm: medianResult(runs.warm), rounds };
}
