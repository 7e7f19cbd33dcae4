import DataLoader from 'dataloader';
import type { Page } from '../domain/paging.js';

type PageFetcher<T> = (parentIds: readonly number[]) => Promise<Map<number, Page<T>>>;

/**
 * Request-scoped batch loaders: every parent asking for the same field with the same arguments
 * shares one SQL statement, so nested lists cost a fixed number of statements.
 */
export interface Loaders {
  /** Loader for one field+arguments combination, named by `key`. */
  pages<T>(key: string, fetch: PageFetcher<T>): DataLoader<number, Page<T>>;
}

export function createLoaders(): Loaders {
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
  };
}
