// PGlite's own floor for a warm start: open a copy of a data directory and answer `select 1`
// (bench/REPORT.md "Start-up"). node bench/probes/pglite-open.mjs .data/cache/pglite-demo-<key>
import { PGlite } from '@electric-sql/pglite';
import { cpSync, rmSync } from 'node:fs';
const src = process.argv[2];
const dir = '/tmp/pgopen-dir';
rmSync(dir, { recursive: true, force: true });
cpSync(src, dir, { recursive: true });
const t = performance.now();
const db = await PGlite.create(dir);
await db.query('select 1');
const open = performance.now() - t;
console.log(JSON.stringify({ openMs: Math.round(open), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000) }));
await db.close();
