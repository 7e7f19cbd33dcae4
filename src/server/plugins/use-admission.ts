import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Counting gate: at most `size` holders; others wait in order, each up to its own deadline. */
export function createGate(size: number) {
  let free = size;
  const waiting: ((granted: boolean) => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next(true);
    else free++;
  };
  return {
    /** A release function, or null when no place came free within `timeoutMs`. */
    async acquire(timeoutMs: number): Promise<(() => void) | null> {
      if (free > 0) {
        free--;
        return release;
      }
      const granted = await new Promise<boolean>((resolve) => {
        const wake = (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(wake), 1);
          resolve(false);
        }, timeoutMs);
        waiting.push(wake);
      });
      return granted ? release : null;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/**
 * Bounds the operations executing at once (each holds database connections from a pool of fixed
 * size). An operation that cannot start within `acquireTimeoutMs` is answered 503
 * SERVICE_UNAVAILABLE with Retry-After at once, instead of queueing without limit behind the pool.
 */
export function useAdmission(options: { maxConcurrent: number; acquireTimeoutMs: number }): Plugin {
  const gate = createGate(options.maxConcurrent);
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const release = await gate.acquire(options.acquireTimeoutMs);
        if (!release) {
          return {
            errors: [
              new GraphQLError('The server is busy; try again shortly.', {
                extensions: {
                  code: 'SERVICE_UNAVAILABLE',
                  http: { status: 503, headers: { 'Retry-After': '1' } },
                },
              }),
            ],
          };
        }
        try {
          return await executeFn(args);
        } finally {
          release();
        }
      });
    },
  };
}
