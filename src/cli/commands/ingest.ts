import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import type { Database } from '../../db/client.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Gazetteer } from '../../geo/types.js';
import { type IngestResult, ingestPage } from '../../ingest/persist.js';
import { withDatabase } from '../context.js';
import { expandInputs, type PageItem } from '../ingest-inputs.js';

export interface IngestOutcome {
  origin: string;
  result?: IngestResult;
  error?: string;
}

export interface IngestSummary {
  outcomes: IngestOutcome[];
  articles: number;
  claims: number;
  sources: number;
  places: number;
  warnings: number;
  seconds: number;
}

/** A page that takes longer than this is given up and retried: its connection was lost mid-write. */
const PAGE_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer in ${ms / 1000} s`), { code: 'PAGE_TIMEOUT' })),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Errors worth retrying: the database went away or refused for a moment. */
function isTransient(error: unknown): boolean {
  // Drizzle wraps driver errors ("Failed query: …") with the driver's error as the cause.
  for (
    let e = error as { code?: string; message?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    const code = e.code ?? '';
    if (
      // Connection lost, server shutting down, or two concurrent pages upserting shared places.
      /^(08|57P0|40P01|40001)/.test(code) ||
      TRANSIENT_CODES.has(code) ||
      /terminat|connection|ECONNREFUSED/i.test(e.message ?? '')
    )
      return true;
  }
  return false;
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'PAGE_TIMEOUT',
]);

async function ingestWithRetry(
  db: Database,
  gazetteer: Gazetteer,
  item: PageItem,
  retries: number,
): Promise<IngestOutcome> {
  if (!item.input) return { origin: item.origin, error: item.error };
  for (let attempt = 0; ; attempt++) {
    try {
      return {
        origin: item.origin,
        result: await withTimeout(ingestPage(db, gazetteer, item.input), PAGE_TIMEOUT_MS),
      };
    } catch (error) {
      if (error instanceof InvalidInputError) return { origin: item.origin, error: error.message };
      // Each page is one transaction and idempotent by URL+hash, so a retry cannot double-write.
      if (!isTransient(error) || attempt >= retries)
        return { origin: item.origin, error: `database error: ${(error as Error).message}` };
      await new Promise((r) => setTimeout(r, Math.min(8000, 250 * 2 ** attempt)));
    }
  }
}

/**
 * Ingests pages one by one, each in its own transaction, so one bad page never stops the rest.
 * Transient database failures are retried with backoff.
 */
export async function ingestItems(
  db: Database,
  gazetteer: Gazetteer,
  items: PageItem[],
  options: { retries?: number; concurrency?: number; onProgress?: (done: number) => void } = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const outcomes: IngestOutcome[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      outcomes[index] = await ingestWithRetry(db, gazetteer, items[index], options.retries ?? 5);
      options.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  const results = outcomes.flatMap((o) => (o.result ? [o.result] : []));
  const sum = (pick: (r: IngestResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  return {
    outcomes,
    articles: results.length,
    claims: sum((r) => r.claimCount),
    sources: sum((r) => r.sourceCount),
    places: sum((r) => r.locationCount),
    warnings: sum((r) => r.warnings.length),
    seconds: (performance.now() - started) / 1000,
  };
}

export const ingestCommand = new Command('ingest')
  .description(
    'extract and store claims from news pages: .txt/.html files, directories, or .jsonl of {url, text|html}',
  )
  .argument('<inputs...>', 'files, directories or .jsonl files')
  .option('--retries <n>', 'retries for transient database errors', '5')
  .option('--concurrency <n>', 'pages written at once (PostgreSQL; PGlite has one connection)', '4')
  .action(async (inputs: string[], options: { retries: string; concurrency: string }) => {
    const items = await expandInputs(inputs);
    const bar = new SingleBar({
      format: 'ingest [{bar}] {value}/{total} pages',
      stream: process.stderr,
      noTTYOutput: false,
    });
    const summary = await withDatabase(async ({ db, gazetteer }) => {
      bar.start(items.length, 0);
      try {
        return await ingestItems(db, gazetteer, items, {
          retries: Number(options.retries),
          concurrency: Number(options.concurrency),
          onProgress: (n) => bar.update(n),
        });
      } finally {
        bar.stop();
      }
    });
    printSummary(summary);
    if (summary.outcomes.some((o) => o.error)) process.exitCode = 1;
  });

function printSummary(summary: IngestSummary): void {
  const failed = summary.outcomes.filter((o) => o.error);
  for (const o of failed) console.error(`failed: ${o.origin}: ${o.error}`);
  for (const o of summary.outcomes)
    for (const warning of o.result?.warnings ?? []) console.error(`warning: ${o.origin}: ${warning}`);
  console.log(
    `${summary.articles} articles, ${summary.claims} claims, ${summary.sources} sources, ${summary.places} places, ` +
      `${summary.warnings} warnings, ${failed.length} failed, in ${summary.seconds.toFixed(1)} s`,
  );
}
