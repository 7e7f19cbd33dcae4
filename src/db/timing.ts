/** Called when a statement finishes: its SQL, how long it took (pool wait included), and whether it failed. */
export type QueryTimer = (sql: string, ms: number, failed: boolean) => void;

type Driver = 'pglite' | 'postgres';
// The driver methods Drizzle sends statements through, and those that open a transaction.
const QUERY_METHODS: Record<Driver, string[]> = { pglite: ['query', 'exec'], postgres: ['unsafe'] };
const TX_METHODS = ['transaction', 'begin', 'savepoint'];
type AnyFn = (...args: unknown[]) => unknown;

/**
 * Wraps a PGlite or postgres.js client so every statement reports its duration; transaction
 * clients handed to callbacks are wrapped too. Drizzle's logger only sees statements start.
 */
export function timeQueries<T extends object>(client: T, driver: Driver, onDone: QueryTimer): T {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const fn = value as AnyFn;
      if (QUERY_METHODS[driver].includes(prop)) {
        return (sql: string, ...rest: unknown[]) => {
          const start = performance.now();
          const pending = fn.call(target, sql, ...rest) as PromiseLike<unknown>;
          const done = (failed: boolean) => onDone(sql, performance.now() - start, failed);
          // postgres.js queries start on their first `then`; let Drizzle chain `.values()` first.
          queueMicrotask(() =>
            pending.then(
              () => done(false),
              () => done(true),
            ),
          );
          return pending;
        };
      }
      if (TX_METHODS.includes(prop)) {
        return (...args: unknown[]) =>
          fn.call(
            target,
            ...args.map((a) =>
              typeof a === 'function' ? (tx: object) => (a as AnyFn)(timeQueries(tx, driver, onDone)) : a,
            ),
          );
      }
      return fn.bind(target);
    },
  });
}
