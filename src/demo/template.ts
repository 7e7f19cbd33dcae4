import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteDb } from '../db/client.js';
import { migrateDatabase, migrationsFolder } from '../db/migrate.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { INDEX_VERSION } from '../geo/index-format.js';
import { EXTRACTOR_VERSION } from '../ingest/persist.js';
import { demoPagesDir, loadDemoIfEmpty } from './load-demo.js';

/** Bump when the way a template is made changes. */
const TEMPLATE_FORMAT = 1;
const PREFIX = 'pglite-demo-';

/** Where templates are kept: `.data/cache/`, next to the gazetteer index (git-ignored). */
export const DEFAULT_TEMPLATE_CACHE = fileURLToPath(new URL('../../.data/cache/', import.meta.url));

export interface TemplateOptions {
  cacheDir?: string;
  /** Tests point these at copies to see the key change. */
  migrationsDir?: string;
  pagesDir?: string;
  /** The extraction and write code (src/domain and src/ingest, or their dist/ copies). */
  codeDirs?: string[];
}

const writeCodeDirs = [
  fileURLToPath(new URL('../domain/', import.meta.url)),
  fileURLToPath(new URL('../ingest/', import.meta.url)),
];

/** Every file under `dir` (recursively), by relative path, sorted. */
function filesUnder(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(base, e.name)) : [join(base, e.name)]))
    .sort();
}

function pgliteVersion(): string {
  // The package exports no ./package.json; its entry is dist/index.cjs.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return JSON.parse(readFileSync(join(entry, '../../package.json'), 'utf8')).version;
}

/**
 * What the demo database is made of: the migrations, the demo pages, the code that extracts and
 * writes them, the extractor and gazetteer versions and the PGlite version (its data directory
 * format). A template is used
 * only while this key is unchanged, so a new migration or demo page never meets an old copy.
 */
export function demoTemplateKey(options: TemplateOptions = {}): string {
  const hash = createHash('sha256');
  hash.update(`${TEMPLATE_FORMAT}|${pgliteVersion()}|${EXTRACTOR_VERSION}|${INDEX_VERSION}`);
  for (const [name, dir] of [
    ['drizzle', options.migrationsDir ?? migrationsFolder],
    ['pages', options.pagesDir ?? demoPagesDir],
    // The code that extracts and writes the pages: a change to what a write keeps (counts,
    // lists) must not meet a copy made by the old code, version bump or not.
    ...(options.codeDirs ?? writeCodeDirs).map((dir, i) => [`code${i}`, dir]),
  ]) {
    for (const file of filesUnder(dir))
      hash.update(`\0${name}/${file}\0`).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The template directory for the current key (it may not exist). */
export function demoTemplatePath(options: TemplateOptions = {}): string {
  return join(options.cacheDir ?? DEFAULT_TEMPLATE_CACHE, `${PREFIX}${demoTemplateKey(options)}`);
}

/**
 * Makes the PGlite data directory of a first start: migrated with ./drizzle and holding the demo
 * pages loaded through the extraction pipeline, closed cleanly. Built next to its final place
 * and renamed, so a reader never sees half a template; older templates are removed. Returns its path.
 */
export async function buildDemoTemplate(options: TemplateOptions = {}): Promise<string> {
  const cacheDir = options.cacheDir ?? DEFAULT_TEMPLATE_CACHE;
  const path = demoTemplatePath(options);
  const building = `${path}.building-${process.pid}`;
  mkdirSync(cacheDir, { recursive: true });
  rmSync(building, { recursive: true, force: true });
  const handle = await createPgliteDb(building);
  try {
    await migrateDatabase(handle);
    await loadDemoIfEmpty(handle.db, await loadGazetteer());
  } finally {
    await handle.close();
  }
  if (existsSync(path)) rmSync(building, { recursive: true, force: true });
  else renameSync(building, path);
  for (const entry of readdirSync(cacheDir))
    if (entry.startsWith(PREFIX) && join(cacheDir, entry) !== path && !entry.includes('.building-'))
      rmSync(join(cacheDir, entry), { recursive: true, force: true });
  return path;
}

/**
 * Fills an empty or missing PGlite data directory from the current template, instead of initdb +
 * migrations + extracting the demo. Returns false (and copies nothing) when the directory already
 * holds files or there is no template for the current key; the caller then starts as usual.
 */
export function copyDemoTemplate(dataDir: string, options: TemplateOptions = {}): boolean {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false;
  const template = demoTemplatePath(options);
  if (!existsSync(join(template, 'PG_VERSION'))) return false;
  cpSync(template, dataDir, { recursive: true });
  return true;
}
