import type { Page } from '../../domain/paging.js';
import type { builder } from '../builder.js';
import { toGraphQLError } from '../errors.js';

/** The field builder Pothos passes to an object type's (and a connection's or edge's) fields. */
export type ObjectFieldBuilder = Parameters<
  NonNullable<Parameters<typeof builder.objectType>[1]['fields']>
>[0];

/** `totalCount` on an offset-paged connection (the count the domain page carries). */
export function totalCountFields(c: ObjectFieldBuilder) {
  return {
    totalCount: c.int({
      description: 'Items across all pages.',
      resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount,
    }),
  };
}

/** Reads a value the resolver put on an edge object. */
export function edgeValue<T>(edge: unknown, key: string): T {
  return (edge as Record<string, T>)[key] as T;
}

/** Runs a domain page query, turning expected failures (bad coordinates, empty query) into user errors. */
export async function pageOrError<T>(run: () => Promise<Page<T>>): Promise<Page<T>> {
  try {
    return await run();
  } catch (error) {
    return toGraphQLError(error);
  }
}
