import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';

const ids = new WeakMap<Request, { id: string; start: number }>();
const SAFE_ID = /^[\w.:-]{1,128}$/;

/** The id of a request: the caller's `x-request-id` when it is sane, else a new UUID. */
export function requestIdOf(request: Request): string | undefined {
  return ids.get(request)?.id;
}

/**
 * One log line per request (id, method, path, status, ms), the id echoed in `x-request-id`,
 * and unexpected resolver errors logged with their stack under that id (clients only see the
 * masked message).
 */
export function useRequestLog(log: Logger): Plugin {
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      ids.set(request, { id: given && SAFE_ID.test(given) ? given : randomUUID(), start: performance.now() });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request: Request }).request;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors) return;
          for (const error of result.errors) {
            const original = error.originalError;
            if (original && !(original instanceof GraphQLError)) {
              log.error({ reqId: requestIdOf(request), path: error.path, err: original }, 'unexpected error');
            }
          }
        },
      };
    },
    onResponse({ request, response }) {
      const entry = ids.get(request);
      if (!entry) return;
      response.headers.set('x-request-id', entry.id);
      const url = new URL(request.url);
      const ms = Math.round(performance.now() - entry.start);
      log.info(
        { reqId: entry.id, method: request.method, path: url.pathname, status: response.status, ms },
        'request',
      );
    },
  };
}
