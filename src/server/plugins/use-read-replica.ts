import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/client.js';

/**
 * Sends queries to a read replica and keeps mutations (and what they return) on the primary, by
 * swapping the database in the context once the operation type is known.
 */
export function useReadReplica(replica: Database): Plugin {
  return {
    onExecute({ args, extendContext }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      // The context type here is Yoga's own; ours carries `db` (see graphql/builder.ts).
      if (operation?.operation === 'query') extendContext({ db: replica } as Record<string, unknown>);
    },
  };
}
