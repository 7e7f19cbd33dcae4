import { createHash } from 'node:crypto';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { type DocumentNode, Kind, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import * as generated from '../../client/gql/graphql.js';

/** The id a client sends for a document: SHA-256 (hex) of its printed form. */
export function persistedOperationId(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

/** The allow-list: every operation codegen generated from src/client/operations. */
export function persistedOperations(): Map<string, DocumentNode> {
  const documents = Object.values(generated).filter(
    (value): value is DocumentNode =>
      typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT,
  );
  return new Map(documents.map((doc) => [persistedOperationId(doc), doc]));
}

/**
 * Persisted-operations mode: only the allow-listed documents run, selected by
 * `documentId` or `extensions.persistedQuery.sha256Hash`; any other query is refused.
 */
export function usePersistedOnly(): Plugin {
  const allowed = persistedOperations();
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params) => {
      const { documentId, extensions } = params as typeof params & { documentId?: unknown };
      const apq = (extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      const id = typeof documentId === 'string' ? documentId : apq;
      return typeof id === 'string' ? id : null;
    },
    getPersistedOperation: (key) => allowed.get(key) ?? null,
  }) as Plugin;
}
