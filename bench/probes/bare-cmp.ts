// createYogaServer (all plugins) vs a bare createYoga over the same schema, same core (REPORT.md §2).

import { runLoad } from '../lib/load.js';
import { launch, postJson, stopGroup, waitFor } from '../lib/procs.js';

const db = 'postgres://postgres@127.0.0.1:5432/ng_bench_10k';
const procs = [
  launch(
    ['node', '--import', 'tsx', 'bench/probes/bare-server.ts'],
    { DATABASE_URL: db, PORT: '4131', BARE: '0' },
    0,
  ),
  launch(
    ['node', '--import', 'tsx', 'bench/probes/bare-server.ts'],
    { DATABASE_URL: db, PORT: '4132', BARE: '1' },
    0,
  ),
];
try {
  for (const port of [4131, 4132])
    await waitFor(
      async () => (await postJson(`http://127.0.0.1:${port}/graphql`, '{ __typename }')).status === 200,
      60000,
      200,
    );
  for (const q of ['{ __typename }', '{ articles(first: 20) { edges { node { url title outlet } } } }']) {
    for (const port of [4131, 4132]) await runLoad(`http://127.0.0.1:${port}/graphql`, q, 16, 1);
    const r: Record<string, number[]> = { full: [], bare: [] };
    for (let i = 0; i < 3; i++)
      for (const [name, port] of [
        ['full', 4131],
        ['bare', 4132],
      ] as const)
        r[name].push(Math.round((await runLoad(`http://127.0.0.1:${port}/graphql`, q, 16, 3)).rps));
    console.log(q.slice(0, 30), JSON.stringify(r));
  }
} finally {
  for (const p of procs) await stopGroup(p);
}
