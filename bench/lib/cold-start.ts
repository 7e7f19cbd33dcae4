import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, postJson, stopGroup, treeRssMb, waitFor } from './procs.js';

const CENTRAL =
  '{ location(name: "Raqa") { name sources(first: 20, includeContained: true) { totalCount } } }';

export interface StartResult {
  ms: number;
  /** The server process (node under npm and tsx). */
  rssMb: number;
  /** npm + tsx + node together. */
  treeRssMb: number;
}

/** `npm start` on PGlite in `dir`: time from spawn to the first answered central question, and RSS then. */
async function startOnce(dir: string, port: number): Promise<StartResult> {
  const started = performance.now();
  const proc = launch(['npm', 'start'], {
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
        return res.status === 200 && res.text.includes('totalCount');
      },
      120_000,
      25,
    );
    const ms = Math.round(performance.now() - started);
    const rss = treeRssMb(proc.pid as number);
    return { ms, rssMb: rss.largest, treeRssMb: rss.total };
  } finally {
    await stopGroup(proc);
  }
}

/** First-ever start (migrate + demo seed into an empty directory), then a warm restart of it. */
export async function coldStart(port: number): Promise<{ first: StartResult; warm: StartResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'ng-bench-pglite-'));
  try {
    const first = await startOnce(dir, port);
    const warm = await startOnce(dir, port);
    return { first, warm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
