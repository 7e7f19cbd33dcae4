import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/builder.js';
import { compiledAnswer } from '../../graphql/compiled-reads/operation.js';
import type { Logger } from '../logger.js';

/**
 * Answers plain table reads through the compiled path (graphql/compiled-reads/) and everything
 * else, or anything it declines, through normal execution. It must come first among the plugins:
 * it replaces the base execute function, and the response cache and the admission gate wrap it.
 * The database comes from the context the replica plugin has set by the time it runs. A fault of
 * the compiled path is logged (the answer still comes, from normal execution).
 */
export function useCompiledReads(log: Logger): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const answer = await compiledAnswer(
          args.schema,
          args.document,
          args.operationName,
          args.variableValues as Record<string, unknown> | undefined,
          args.contextValue as Context,
          (error) =>
            log.warn(
              { err: error, operationName: args.operationName },
              'compiled read failed; answered by the resolvers',
            ),
        );
        return answer ?? executeFn(args);
      });
    },
  };
}
