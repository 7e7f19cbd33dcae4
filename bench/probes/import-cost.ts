// Start-up cost split: importing the server module graph vs PGlite.create() (REPORT.md §5).
const t0 = performance.now();
await import('../../src/server/yoga.js');
const t1 = performance.now();
const rss1 = process.memoryUsage().rss;
const { PGlite } = await import('@electric-sql/pglite');
const t2 = performance.now();
const pg = await PGlite.create();
const t3 = performance.now();
console.log(
  `import server graph ${Math.round(t1 - t0)} ms (rss ${Math.round(rss1 / 2 ** 20)} MB); PGlite.create in-memory ${Math.round(t3 - t2)} ms (rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB)`,
);
await pg.close();
