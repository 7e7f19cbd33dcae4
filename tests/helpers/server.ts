import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleInput } from '../../src/domain/article-input.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { createYogaServer, type YogaServer } from '../../src/server/yoga.js';
import { createTestDb, type Driver, type TestDb } from './db.js';

export interface TestServer extends TestDb {
  yoga: YogaServer;
}

/** A migrated test database with a Yoga server over it. */
export async function createTestServer(driver: Driver): Promise<TestServer> {
  const [testDb, gazetteer] = await Promise.all([createTestDb(driver), loadGazetteer()]);
  return { ...testDb, yoga: createYogaServer({ db: testDb.db, gazetteer }) };
}

/** The shipped demo fixture (our own rewrite of the seed page), as importArticle input. */
export function demoImportInput(): ArticleInput {
  const path = fileURLToPath(new URL('../fixtures/syria-offensive.import.json', import.meta.url));
  const { _comment, ...input } = JSON.parse(readFileSync(path, 'utf8'));
  return input;
}
