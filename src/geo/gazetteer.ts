import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeIndexCache } from './build-index.js';
import { INDEX_VERSION } from './index-format.js';
import { IndexReader } from './index-reader.js';
import { PlaceIndex } from './place-index.js';
import type { Gazetteer } from './types.js';

/** Where the built index is cached: `.data/cache/` under the project root (git-ignored). */
export const DEFAULT_CACHE_PATH = fileURLToPath(
  new URL(`../../.data/cache/gazetteer-v${INDEX_VERSION}.tsv`, import.meta.url),
);

/** Options for loading; the cache path is only overridden by tests and tools. */
export interface LoadOptions {
  cachePath?: string;
}

let loaded: PlaceIndex | null = null;
let loading: Promise<PlaceIndex> | null = null;

/** Opens a cache file's bytes; null when they are missing, stale or truncated. */
function open(data: Buffer | null): IndexReader | null {
  if (data === null) return null;
  try {
    return new IndexReader(data);
  } catch {
    return null;
  }
}

function readCacheSync(path: string): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}

async function readCache(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/**
 * Opens the cache file at `path`, building and writing it first when it is missing, stale or
 * truncated. Not memoised; `loadGazetteer` is the usual entry point.
 */
export function openOrBuildSync(path: string = DEFAULT_CACHE_PATH): IndexReader {
  return open(readCacheSync(path)) ?? new IndexReader(writeIndexCache(path));
}

/**
 * Loads the gazetteer once per process: reads the cached index, building it first (about 4 s)
 * when it is missing or stale. Concurrent callers share one load.
 */
export function loadGazetteer(options: LoadOptions = {}): Promise<Gazetteer> {
  if (loaded) return Promise.resolve(loaded);
  const path = options.cachePath ?? DEFAULT_CACHE_PATH;
  loading ??= readCache(path).then((data) => {
    loaded = new PlaceIndex(open(data) ?? new IndexReader(writeIndexCache(path)));
    return loaded;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** A gazetteer over cache-file bytes, without the per-process memo; for tests and tools. */
export function gazetteerFromBytes(data: Buffer): Gazetteer {
  return new PlaceIndex(new IndexReader(data));
}
