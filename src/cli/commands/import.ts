import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { Database } from '../../db/client.js';
import { type SaveResult, saveArticleGraph } from '../../domain/article-graph.js';
import { parseArticleInput } from '../../domain/article-input.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Gazetteer } from '../../geo/types.js';
import { withDatabase } from '../context.js';

export interface ImportOutcome {
  file: string;
  result?: SaveResult;
  error?: string;
}

/**
 * Imports already-extracted articles from JSON files (one article, or an array of them, per
 * file). Each article is its own transaction: a bad file is reported by name and the others
 * still land.
 */
export async function importFiles(
  db: Database,
  gazetteer: Gazetteer,
  files: string[],
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    let articles: unknown[];
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8'));
      articles = Array.isArray(parsed) ? parsed : [parsed];
    } catch (error) {
      outcomes.push({ file, error: `cannot read JSON: ${(error as Error).message}` });
      continue;
    }
    for (const [i, raw] of articles.entries()) {
      const where = articles.length > 1 ? `${file}[${i}]` : file;
      try {
        outcomes.push({ file: where, result: await saveArticleGraph(db, parseArticleInput(raw), gazetteer) });
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        outcomes.push({ file: where, error: error.message });
      }
    }
  }
  return outcomes;
}

export const importCommand = new Command('import')
  .description('import articles with already-extracted claims from JSON files (importArticle input)')
  .argument('<files...>', 'JSON files, each one article or an array of articles')
  .action(async (files: string[]) => {
    const outcomes = await withDatabase(({ db, gazetteer }) => importFiles(db, gazetteer, files));
    for (const o of outcomes) {
      if (o.error) console.error(`${o.file}: ${o.error}`);
      else console.log(`${o.file}: ${o.result?.status} (${o.result?.claimCount} claims)`);
    }
    const failed = outcomes.filter((o) => o.error).length;
    console.log(`${outcomes.length - failed} imported, ${failed} failed`);
    if (failed > 0) process.exitCode = 1;
  });
