import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/cli/commands/import.js';
import { articles } from '../../src/db/schema/index.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';
import { demoImportInput } from '../helpers/server.js';

describe.each(drivers)('npm run import on %s', (driver) => {
  let testDb: TestDb;
  let gazetteer: Gazetteer;
  const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  beforeAll(async () => {
    [testDb, gazetteer] = await Promise.all([createTestDb(driver), loadGazetteer()]);
  });
  afterAll(() => testDb.close());

  it('imports good files, names each bad one with its problem, and keeps going', async () => {
    const good = file('demo.json', JSON.stringify(demoImportInput()));
    const many = file(
      'many.json',
      JSON.stringify([seedAsImportInput(), { ...demoImportInput(), url: 'nope' }]),
    );
    const broken = file('broken.json', '{ "url": ');
    const outcomes = await importFiles(testDb.db, gazetteer, [good, many, broken, join(dir, 'missing.json')]);
    expect(
      outcomes.map((o) => [o.file.replace(dir, ''), o.result?.status ?? o.error?.split(':')[0]]),
    ).toEqual([
      ['/demo.json', 'CREATED'],
      ['/many.json[0]', 'CREATED'],
      ['/many.json[1]', 'Invalid article'],
      ['/broken.json', 'cannot read JSON'],
      ['/missing.json', 'cannot read JSON'],
    ]);
    expect(outcomes[2].error).toMatch(/url/);
    expect(await testDb.db.$count(articles)).toBe(2);
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const good = file('again.json', JSON.stringify(demoImportInput()));
    const [outcome] = await importFiles(testDb.db, gazetteer, [good]);
    expect(outcome.result?.status).toBe('UNCHANGED');
  });
});
