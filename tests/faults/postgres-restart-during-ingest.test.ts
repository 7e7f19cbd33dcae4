import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../helpers/corpus.js';
import { createScratchPostgres, type ScratchPostgres } from '../helpers/scratch-postgres.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = 120;

// Needs a PostgreSQL server of its own to restart; runs where real PostgreSQL is tested (CI).
describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL restarted in the middle of a CLI ingest', () => {
  let pg: ScratchPostgres;
  const pagesDir = join(mkdtempSync(join(tmpdir(), 'restart-ingest-')), 'pages');

  beforeAll(async () => {
    pg = await createScratchPostgres();
    mkdirSync(pagesDir);
    const texts = readdirSync(join(corpusDir, 'dev/texts')).map((f) =>
      readFileSync(join(corpusDir, 'dev/texts', f), 'utf8'),
    );
    for (let i = 0; i < PAGES; i++)
      writeFileSync(join(pagesDir, `page-${String(i).padStart(3, '0')}.txt`), texts[i % texts.length]);
  });
  afterAll(() => pg?.destroy());

  it('reports nothing lost: every page lands exactly once', async () => {
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    const cli = spawn(
      'npx',
      ['tsx', 'src/cli/index.ts', 'ingest', pagesDir, '--concurrency', '2', '--retries', '8'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: pg.url, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    cli.stdout.on('data', (chunk) => (output += chunk));
    cli.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number>((resolve) => cli.on('exit', (code) => resolve(code ?? -1)));

    // Restart once some pages are in, while the rest are still being written.
    for (;;) {
      const [{ n }] = await sql`select count(*)::int as n from articles`.catch(() => [{ n: 0 }]);
      if (n >= 10) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await sql.end();
    pg.restart();
    const code = await exited;

    const check = postgres(pg.url, { max: 1, onnotice: () => {} });
    const [{ articles }] = await check`select count(*)::int as articles from articles`;
    const duplicates = await check`select article_id, position from claims group by 1, 2 having count(*) > 1`;
    const [{ claimless }] =
      await check`select count(*)::int as claimless from articles a where not exists (select 1 from claims c where c.article_id = a.id)`;
    await check.end();
    expect(code, output).toBe(0);
    expect(output).toMatch(new RegExp(`${PAGES} articles, \\d+ claims`));
    expect(articles).toBe(PAGES);
    expect(duplicates).toHaveLength(0);
    expect(claimless).toBe(0);
  });
});
