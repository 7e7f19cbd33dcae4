import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/builder.js';
import { compiledAnswer } from '../../graphql/compiled-reads/operation.js';

/**
 * Answers plain table reads through the compiled path (graphql/compiled-reads/) and everything
 * else, or anything it declines, through normal execution. It must come first among the plugins:
 * it replaces the base execute function, and the response cache and the admission gate wrap it.
 * The database comes from the context the replica plugin has set by the time it runs.
 */
export function useCompiledReads(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const answer = await compiledAnswer(
          args.schema,
          args.document,
          args.operationName,
          args.variableValues as Record<string, unknown> | undefined,
          args.contextValue as Context,
        );
        return answer ?? executeFn(args);
      });
    },
  };
}
