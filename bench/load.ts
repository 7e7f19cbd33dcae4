/**
 * npm run load — a bounded load test on loopback: the real server (its own process, PGlite in a
 * temp dir, or PostgreSQL with LOAD_DATABASE_URL) takes a closed loop of reads (autocannon) and
 * a stream of ingests at the same time for LOAD_SECONDS (default 60). Passes when no request
 * failed and every ingested page is in the graph exactly once. Writes bench/load-report-<db>.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../', import.meta.url));
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const port = Number(process.env.LOAD_PORT ?? 4391);
const token = 'load-test-admin-token';
const endpoint = `http://127.0.0.1:${port}/graphql`;
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

const server = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    NEWS_GRAPH_TOKEN: token,
    LOG_LEVEL: 'warn',
    PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), 'load-pglite-')),
    DATABASE_URL: process.env.LOAD_DATABASE_URL ?? '',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

async function waitReady(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

const corpus = fileURLToPath(new URL('../../shared/corpus/dev/texts/', import.meta.url));
const texts = readdirSync(corpus)
  .sort()
  .map((f) => readFileSync(join(corpus, f), 'utf8'));
const ingestMutation =
  'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { status claimCount } }';

/** Ingests pages one after another until the deadline; returns the URLs sent and the failures. */
async function ingestLoop(deadline: number) {
  const sent: string[] = [];
  const failures: string[] = [];
  for (let i = 0; Date.now() < deadline; i++) {
    const url = `https://load.example/${i}`;
    const body = JSON.stringify({
      query: ingestMutation,
      variables: { input: { url, text: texts[i % texts.length] } },
    });
    const response = await fetch(endpoint, { method: 'POST', headers, body }).catch((e: Error) => e);
    const result = response instanceof Error ? null : ((await response.json()) as { errors?: unknown });
    if (!result || result.errors)
      failures.push(
        `${url}: ${response instanceof Error ? response.message : JSON.stringify(result?.errors)}`,
      );
    sent.push(url);
  }
  return { sent, failures };
}

const readQuery = JSON.stringify({
  query:
    '{ location(name: "Raqa") { name sources(first: 10, includeContained: true) { totalCount edges { claimCount node { name } } } } articles(first: 5) { totalCount edges { node { url claims(first: 5) { edges { node { text source { name } } } } } } } }',
});

try {
  await waitReady();
  const deadline = Date.now() + seconds * 1000;
  const [reads, ingests] = await Promise.all([
    autocannon({
      url: endpoint,
      method: 'POST',
      headers,
      body: readQuery,
      connections: 8,
      duration: seconds,
    }),
    ingestLoop(deadline),
  ]);
  const check = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
  }).then((r) => r.json() as Promise<{ data: { articles: { totalCount: number } } }>);
  const stored = check.data.articles.totalCount - 1; // the demo page
  const readErrors = reads.errors + reads.timeouts + reads.non2xx;
  const passed = readErrors === 0 && ingests.failures.length === 0 && stored === ingests.sent.length;
  const report = `# Load test (npm run load)

Run ${new Date().toISOString()} on ${process.env.LOAD_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${seconds} s, loopback only.

| | value |
|---|---|
| reads (8 connections, central question + articles graph) | ${reads.requests.total} requests, ${reads.requests.average} req/s, p50 ${reads.latency.p50} ms, p99 ${reads.latency.p99} ms |
| read errors (errors + timeouts + non-2xx) | ${readErrors} |
| ingests (one at a time, alongside the reads) | ${ingests.sent.length} pages, ${(ingests.sent.length / seconds).toFixed(1)} pages/s |
| ingest failures | ${ingests.failures.length} |
| pages in the graph afterwards | ${stored} (expected ${ingests.sent.length}) |
| **result** | **${passed ? 'PASS' : 'FAIL'}** |
${
  ingests.failures.length
    ? `\nFailures:\n${ingests.failures
        .slice(0, 20)
        .map((f) => `- ${f}`)
        .join('\n')}\n`
    : ''
}`;
  writeFileSync(
    join(root, `bench/load-report-${process.env.LOAD_DATABASE_URL ? 'postgresql' : 'pglite'}.md`),
    report,
  );
  console.log(report);
  process.exitCode = passed ? 0 : 1;
} finally {
  server.kill('SIGTERM');
}
