import DataLoader from 'dataloader';
import type { Database } from '../db/client.js';
import type { Claim, Location, Source } from '../db/schema/index.js';
import type { Page } from '../domain/paging.js';

type PageFetcher<T> = (parentIds: readonly number[]) => Promise<Map<number, Page<T>>>;

/**
 * Request-scoped batch loaders: every parent asking for the same field with the same arguments
 * shares one SQL statement, so nested lists cost a fixed number of statements.
 */
export interface Loaders {
  /** Loader for one field+arguments combination, named by `key`. */
  pages<T>(key: string, fetch: PageFetcher<T>): DataLoader<number, Page<T>>;
  sources: DataLoader<number, Source | undefined>;
  locations: DataLoader<number, Location | undefined>;
  claims: DataLoader<number, Claim | undefined>;
}

function byId<T extends { id: number }>(load: (ids: number[]) => Promise<T[]>) {
  return new DataLoader<number, T | undefined>(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id));
  });
}

export function createLoaders(db: Database): Loaders {
  const pageLoaders = new Map<string, DataLoader<number, Page<unknown>>>();
  return {
    pages<T>(key: string, fetch: PageFetcher<T>) {
      let loader = pageLoaders.get(key);
      if (!loader) {
        loader = new DataLoader<number, Page<unknown>>(async (ids) => {
          const pages = await fetch(ids);
          return ids.map((id) => pages.get(id) ?? { items: [], totalCount: 0 });
        });
        pageLoaders.set(key, loader);
      }
      return loader as DataLoader<number, Page<T>>;
    },
    sources: byId((ids) => db.query.sources.findMany({ where: { id: { in: ids } } })),
    locations: byId((ids) => db.query.locations.findMany({ where: { id: { in: ids } } })),
    claims: byId((ids) => db.query.claims.findMany({ where: { id: { in: ids } } })),
  };
}
