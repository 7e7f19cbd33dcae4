import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestItems } from '../../src/cli/commands/ingest.js';
import { expandInputs } from '../../src/cli/ingest-inputs.js';
import { articles } from '../../src/db/schema/index.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { corpusDir } from '../helpers/corpus.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';

describe.each(drivers)('npm run ingest on %s', (driver) => {
  let testDb: TestDb;
  let gazetteer: Gazetteer;
  const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));

  beforeAll(async () => {
    [testDb, gazetteer] = await Promise.all([createTestDb(driver), loadGazetteer()]);
    mkdirSync(join(dir, 'pages'));
    for (const id of ['01', '02', '03'])
      copyFileSync(join(corpusDir, 'dev/texts', `${id}.txt`), join(dir, 'pages', `${id}.txt`));
    writeFileSync(join(dir, 'pages', 'empty.txt'), '');
    writeFileSync(join(dir, 'pages', 'notes.md'), 'not a page: ignored in directories');
    const seed = readFileSync(join(corpusDir, 'seed/article.txt'), 'utf8');
    writeFileSync(
      join(dir, 'feed.jsonl'),
      [
        JSON.stringify({ url: 'https://corpus.example/seed', text: seed }),
        '{ broken json',
        JSON.stringify({
          url: 'https://corpus.example/html',
          html: `<p>${seed.split('\n').join('</p><p>')}</p>`,
        }),
        '',
      ].join('\n'),
    );
  });
  afterAll(() => testDb.close());

  it('ingests directories and .jsonl, names every failure and lands the rest', async () => {
    const items = await expandInputs([join(dir, 'pages'), join(dir, 'feed.jsonl'), join(dir, 'missing.txt')]);
    expect(items.map((i) => i.origin.replace(dir, ''))).toEqual([
      '/pages/01.txt',
      '/pages/02.txt',
      '/pages/03.txt',
      '/pages/empty.txt',
      '/feed.jsonl:1',
      '/feed.jsonl:2',
      '/feed.jsonl:3',
      '/missing.txt',
    ]);
    const progress: number[] = [];
    const summary = await ingestItems(testDb.db, gazetteer, items, { onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const failures = summary.outcomes.filter((o) => o.error).map((o) => [o.origin.replace(dir, ''), o.error]);
    expect(failures).toEqual([
      ['/pages/empty.txt', expect.stringMatching(/empty/)],
      ['/feed.jsonl:2', expect.stringMatching(/invalid JSON/)],
      ['/missing.txt', 'no such file or directory'],
    ]);
    expect(summary.articles).toBe(5);
    expect(summary.claims).toBeGreaterThanOrEqual(20);
    expect(await testDb.db.$count(articles)).toBe(5);
  });

  it('ingests each page exactly once when run again, several at a time', async () => {
    const items = await expandInputs([join(dir, 'pages'), join(dir, 'feed.jsonl')]);
    const summary = await ingestItems(testDb.db, gazetteer, items, { concurrency: 3 });
    expect(summary.outcomes.filter((o) => o.result).map((o) => o.result?.status)).toEqual(
      Array(5).fill('UNCHANGED'),
    );
    expect(await testDb.db.$count(articles)).toBe(5);
  });
});
