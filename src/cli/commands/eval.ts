import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { z } from 'zod';
import { isDemonym } from '../../geo/demonyms.js';
import { loadGazetteer } from '../../geo/gazetteer.js';
import { stripRegionWord } from '../../geo/region-words.js';
import { spellingKey } from '../../geo/spelling-key.js';
import type { Gazetteer } from '../../geo/types.js';
import { type DocCounts, type GoldDoc, scoreDoc } from '../../ingest/eval.js';
import { type EvalSummary, summarise } from '../../ingest/eval-summary.js';
import { extractArticle } from '../../ingest/extract-article.js';
import type { ArticleDraft, PlaceMentionDraft } from '../../ingest/types.js';

const optionsSchema = z.object({
  corpus: z.string().default('../shared/corpus'),
  outDir: z.string().default('reports'),
});
export type EvalOptions = z.input<typeof optionsSchema>;

/** Report for one evaluated set (seed or dev). */
export interface SetReport {
  set: string;
  summary: EvalSummary;
  msPerArticle: number;
  dates: Array<{
    id: string;
    expected: string | null;
    published: string | null;
    pageDate: string | null;
    title: string | null;
  }>;
  documents: Array<{ id: string } & DocCounts>;
}

const placeKey = (name: string) => spellingKey(stripRegionWord(name).base);

function runSet(
  set: string,
  pages: Array<{ id: string; text: string; gold: GoldDoc; expected: string | null }>,
  gazetteer: Gazetteer,
): SetReport {
  const started = performance.now();
  const drafts: ArticleDraft[] = pages.map((p) =>
    extractArticle({ url: `corpus:${set}/${p.id}`, text: p.text }, gazetteer, { demonymCountry: isDemonym }),
  );
  const msPerArticle = (performance.now() - started) / Math.max(1, pages.length);
  const placeKeys = (m: PlaceMentionDraft) => {
    const place = m.placeKey ? gazetteer.get(m.placeKey) : undefined;
    return [m.name, ...(place?.alternateNames ?? [])].map(placeKey);
  };
  const documents = pages.map((p, i) => ({ id: p.id, ...scoreDoc(drafts[i], p.gold, placeKey, placeKeys) }));
  const dates = pages.map((p, i) => ({
    id: p.id,
    expected: p.expected,
    published: drafts[i].publishedAt,
    pageDate: drafts[i].pageDate,
    title: drafts[i].title,
  }));
  return {
    set,
    summary: summarise(documents),
    msPerArticle: Math.round(msPerArticle * 100) / 100,
    dates,
    documents,
  };
}

/** Reads the seed page and the dev set from the corpus folder. */
function loadSets(corpus: string) {
  const seedGold = JSON.parse(readFileSync(join(corpus, 'seed/gold.json'), 'utf8'));
  const seed = [
    {
      id: 'seed',
      text: readFileSync(join(corpus, 'seed/article.txt'), 'utf8'),
      gold: seedGold as GoldDoc,
      expected: seedGold.article?.published ?? null,
    },
  ];
  const devGold = JSON.parse(readFileSync(join(corpus, 'dev/gold.json'), 'utf8')) as Record<string, GoldDoc>;
  const index = JSON.parse(readFileSync(join(corpus, 'dev/index.json'), 'utf8')) as Array<{
    id: string;
    published: string | null;
  }>;
  const dev = readdirSync(join(corpus, 'dev/texts'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.txt$/, '');
      return {
        id,
        text: readFileSync(join(corpus, 'dev/texts', f), 'utf8'),
        gold: devGold[id],
        expected: index.find((e) => e.id === id)?.published ?? null,
      };
    });
  return { seed, dev };
}

function printTable(reports: SetReport[]): void {
  const rows = reports.map((r) => {
    const s = r.summary;
    return {
      set: r.set,
      claimP: s.claims.precision,
      claimR: s.claims.recall,
      speaker: s.speakers.accuracy,
      referring: s.referring.accuracy,
      pairF1: s.pairs.f1,
      placeRecall: s.places.recall,
      placeRes: s.places.resolutionAccuracy,
      links: s.links.recall,
      msPerArticle: r.msPerArticle,
    };
  });
  console.table(rows);
}

/** Scores the extraction pipeline on the seed page and the dev set; writes reports/eval-{seed,dev}.json. */
export async function runEval(options: EvalOptions = {}): Promise<SetReport[]> {
  const opts = optionsSchema.parse(options);
  const gazetteer = await loadGazetteer();
  const { seed, dev } = loadSets(resolve(opts.corpus));
  const reports = [runSet('seed', seed, gazetteer), runSet('dev', dev, gazetteer)];
  mkdirSync(resolve(opts.outDir), { recursive: true });
  for (const r of reports)
    writeFileSync(join(resolve(opts.outDir), `eval-${r.set}.json`), `${JSON.stringify(r, null, 2)}\n`);
  printTable(reports);
  return reports;
}

function parseArgs(argv: string[]): EvalOptions {
  const out: EvalOptions = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') out.corpus = argv[++i];
    // --out names the reports folder; a file path (…/eval.json) means its folder.
    else if (argv[i] === '--out')
      out.outDir = /\.json$/.test(argv[i + 1] ?? '') ? dirname(argv[++i]) : argv[++i];
    else if (argv[i] === '--out-dir') out.outDir = argv[++i];
  }
  return out;
}

export const evalCommand = new Command('eval')
  .description(
    'score extraction against the gold of the seed page and the dev set; writes reports/eval-*.json',
  )
  .option('--corpus <dir>', 'corpus folder with seed/ and dev/', '../shared/corpus')
  .option('--out <dir>', 'folder for the JSON reports', 'reports')
  .action(async (options: { corpus: string; out: string }) => {
    await runEval({ corpus: options.corpus, outDir: options.out });
  });

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runEval(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
