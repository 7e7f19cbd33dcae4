import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PostgresOptions } from '../../src/db/client.js';
import { GRAPH_CHANGED_CHANNEL } from '../../src/db/listen.js';
import type { ArticleInput } from '../../src/domain/article-input.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { defaultServerOptions, type ServerOptions } from '../../src/server/options.js';
import type { GraphChanges } from '../../src/server/plugins/use-response-cache.js';
import { createYogaServer, type YogaServer } from '../../src/server/yoga.js';
import { createTestDb, type Driver, type TestDb } from './db.js';

export interface TestServer extends TestDb {
  yoga: YogaServer;
}

/** The admin token test servers accept; executeOperation sends it, so tests may call mutations. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-not-a-secret';

/** Default server options with the test admin token; `tune` adjusts them for one test file. */
export function testServerOptions(tune: (options: ServerOptions) => void = () => {}): ServerOptions {
  const options = defaultServerOptions();
  options.auth.adminToken = TEST_ADMIN_TOKEN;
  // Statement counts and re-reads after writes assume every query executes; cache tests opt in.
  options.responseCache.enabled = false;
  tune(options);
  return options;
}

/** A migrated test database with a Yoga server over it (authorised through TEST_ADMIN_TOKEN). */
export async function createTestServer(
  driver: Driver,
  options = testServerOptions(),
  dbOptions: PostgresOptions = {},
): Promise<TestServer> {
  const [testDb, gazetteer] = await Promise.all([createTestDb(driver, dbOptions), loadGazetteer()]);
  const changes: GraphChanges = (listener) => testDb.listen(GRAPH_CHANGED_CHANNEL, listener);
  return { ...testDb, yoga: createYogaServer({ db: testDb.db, gazetteer, options, changes }) };
}

/** The shipped demo fixture (our own rewrite of the seed page), as importArticle input. */
export function demoImportInput(): ArticleInput {
  const path = fileURLToPath(new URL('../fixtures/syria-offensive.import.json', import.meta.url));
  const { _comment, ...input } = JSON.parse(readFileSync(path, 'utf8'));
  return input;
}
