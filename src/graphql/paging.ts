import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';
import type { Page, PageWindow } from '../domain/paging.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './builder.js';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

/** The offset window a connection's arguments ask for (one extra row tells if more follow). */
export function windowFor(args: ConnectionArgs): PageWindow {
  const { offset, limit } = offsetForArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  return { offset, limit };
}

/**
 * Builds a Relay connection from an offset page, for ranked lists (counts per source or
 * place) where the ordering is computed and a keyset cursor has nothing stable to hold.
 */
export function offsetConnection<T, E extends object>(
  args: ConnectionArgs,
  page: Page<T>,
  toEdge: (item: T) => E,
) {
  const { offset, expectedSize, hasPreviousPage, hasNextPage } = offsetForArgs({
    args,
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: MAX_PAGE_SIZE,
  });
  const items = page.items.slice(0, expectedSize);
  const edges = items.map((item, i) => ({ ...toEdge(item), cursor: offsetToCursor(offset + i) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: hasNextPage(page.items.length),
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A row known only by its id. The Drizzle plugin sees that the fields asked for are not loaded
 * and fetches them (with nested relations) in one batched query for all such rows of the request.
 */
export function rowStub<T extends { id: number }>(id: number): T {
  return { id } as T;
}
