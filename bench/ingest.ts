/**
 * npm run bench:ingest — articles per second for extraction alone and for extraction + writes
 * (PGlite in memory, and PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set),
 * measured side by side in one run on the seed and dev pages (each ingested under many URLs).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { ingestItems } from '../src/cli/commands/ingest.js';
import { createPgliteDb, createPostgresDb, type DatabaseHandle } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { isDemonym } from '../src/geo/demonyms.js';
import { loadGazetteer } from '../src/geo/gazetteer.js';
import { extractArticle } from '../src/ingest/extract-article.js';

const ROUNDS = Number(process.argv[2] ?? 20);
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const texts = [
  readFileSync(join(corpus, 'seed/article.txt'), 'utf8'),
  ...readdirSync(join(corpus, 'dev/texts'))
    .sort()
    .map((f) => readFileSync(join(corpus, 'dev/texts', f), 'utf8')),
];
const pages = Array.from({ length: ROUNDS }, (_, round) =>
  texts.map((text, i) => ({ url: `https://bench.example/${round}/${i}`, text })),
).flat();

const gazetteer = await loadGazetteer();
const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);

// Warm up wink's model and the JIT before timing.
for (const page of pages.slice(0, texts.length))
  extractArticle(page, gazetteer, { demonymCountry: isDemonym });

let started = performance.now();
for (const page of pages) extractArticle(page, gazetteer, { demonymCountry: isDemonym });
const extractMs = performance.now() - started;

async function ingestAll(handle: DatabaseHandle, concurrency: number): Promise<number> {
  await migrateDatabase(handle);
  started = performance.now();
  const summary = await ingestItems(
    handle.db,
    gazetteer,
    pages.map((input) => ({ origin: input.url, input })),
    { concurrency },
  );
  const ms = performance.now() - started;
  if (summary.outcomes.some((o) => o.error))
    throw new Error(`ingest failed: ${JSON.stringify(summary.outcomes.find((o) => o.error))}`);
  await handle.close();
  return ms;
}

const rows = [
  {
    contender: 'extraction only',
    articlesPerSecond: rate(pages.length, extractMs),
    msPerArticle: extractMs / pages.length,
  },
];
const pgliteMs = await ingestAll(await createPgliteDb(), 1);
rows.push({
  contender: 'extraction + writes, PGlite',
  articlesPerSecond: rate(pages.length, pgliteMs),
  msPerArticle: pgliteMs / pages.length,
});

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (adminUrl) {
  const name = `news_graph_bench_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pgMs = await ingestAll(createPostgresDb(url.toString()), 1);
  rows.push({
    contender: 'extraction + writes, PostgreSQL',
    articlesPerSecond: rate(pages.length, pgMs),
    msPerArticle: pgMs / pages.length,
  });
  await admin.unsafe(`drop database ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const pg4Ms = await ingestAll(createPostgresDb(url.toString()), 4);
  await admin.unsafe(`drop database ${name} with (force)`);
  await admin.end();
  rows.push({
    contender: 'extraction + writes, PostgreSQL, 4 at a time',
    articlesPerSecond: rate(pages.length, pg4Ms),
    msPerArticle: pg4Ms / pages.length,
  });
}

const table = rows.map((r) => ({
  ...r,
  msPerArticle: Number(r.msPerArticle.toFixed(2)),
  writeShare: `${Math.round((1 - extractMs / pages.length / r.msPerArticle) * 100)}%`,
}));
console.table(table);
const report = {
  date: new Date().toISOString(),
  articles: pages.length,
  distinctTexts: texts.length,
  rows: table,
};
writeFileSync(
  fileURLToPath(new URL('./ingest-report.json', import.meta.url)),
  `${JSON.stringify(report, null, 2)}\n`,
);
