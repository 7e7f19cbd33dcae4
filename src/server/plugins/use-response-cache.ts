import { type Cache, useResponseCache as useYogaResponseCache } from '@graphql-yoga/plugin-response-cache';
import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ChannelListener, Unlisten } from '../../db/listen.js';
import type { Logger } from '../logger.js';

export interface ResponseCacheOptions {
  enabled: boolean;
  /** How long an entry may be served at most, even with no change notification. */
  ttlMs: number;
  maxEntries: number;
  /** Bound on the cached results' JSON size, all entries together. */
  maxBytes: number;
  /**
   * Results computed within this long after a change are not stored: with a read replica a
   * query may still see the data from before the change the primary just notified.
   */
  settleMs: number;
}

/** Subscribes to committed graph writes (the triggers' NOTIFY; see DatabaseHandle.listen). */
export type GraphChanges = (listener: ChannelListener) => Promise<Unlisten>;

interface Entry {
  result: ExecutionResult;
  bytes: number;
  expiresAt: number;
}

/** Query results by cache key, least recently used first out, bounded by count and size. */
export class ResultStore implements Cache {
  private entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly limits: { maxEntries: number; maxBytes: number }) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): ExecutionResult | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= performance.now()) {
      this.bytes -= entry.bytes;
      return null;
    }
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, result: ExecutionResult, _entities: unknown, ttlMs: number): void {
    // The plugin has just put ETag and Last-Modified on the answer (which is also the response).
    // That ETag names the query, not the answer, and the plugin would answer 304 to a client
    // whose copy predates the last write; without them it never does.
    const headers = (result.extensions?.http as { headers?: Record<string, string> } | undefined)?.headers;
    delete headers?.ETag;
    delete headers?.['Last-Modified'];
    const bytes = JSON.stringify(result).length;
    if (bytes > this.limits.maxBytes) return;
    this.remove(key);
    this.entries.set(key, { result, bytes, expiresAt: performance.now() + ttlMs });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** Entity-level invalidation is not used: any write clears everything (see `clear`). */
  invalidate(): void {
    this.clear();
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/**
 * Caches the results of anonymous queries in memory and drops them all whenever the database
 * reports a committed write (from this process or any other), after every mutation here, and
 * while the change feed is down. Authenticated requests bypass the cache so auth and rate
 * limits run for each; with `readsRequireToken` nothing is cached. Must come after the
 * persisted-operations plugin, which rewrites the parameters the cache key is built from.
 */
export function useResponseCache(
  options: ResponseCacheOptions & { readsRequireToken: boolean },
  changes: GraphChanges,
  log: Logger,
): Plugin {
  const store = new ResultStore(options);
  let live = false;
  let generation = 0;
  let changedAt = Number.NEGATIVE_INFINITY;
  const started = new WeakMap<object, { generation: number; at: number }>();

  function clear() {
    generation++;
    changedAt = performance.now();
    store.clear();
  }
  const stop = changes({
    up() {
      clear();
      live = true;
    },
    notify: clear,
    down() {
      live = false;
      clear();
      log.warn('response cache off: the database change feed dropped');
    },
  }).catch((error) => {
    log.error({ err: error }, 'response cache off: cannot listen for database changes');
    return null;
  });

  const cached = useYogaResponseCache({
    cache: store,
    ttl: options.ttlMs,
    session: () => null,
    enabled: (request) => live && !options.readsRequireToken && !request.headers.has('authorization'),
    // Only the per-type __typename is added to documents; entity ids are not tracked.
    idFields: [],
    // Must stay true: with false the envelop plugin stores mutation results like query results.
    invalidateViaMutation: true,
    includeExtensionMetadata: false,
    // A result computed while a write committed (or just after one, see settleMs) is not kept.
    onTtl: ({ ttl, context }) => {
      const start = started.get(context as object);
      if (!live || !start || start.generation !== generation) return 0;
      return start.at - changedAt < options.settleMs ? 0 : ttl;
    },
  });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(cached);
    },
    onExecute({ args }) {
      const kind = getOperationAST(args.document, args.operationName)?.operation;
      if (kind === 'query') {
        started.set(args.contextValue, { generation, at: performance.now() });
        return;
      }
      // This process's own writes are seen at once, before their notification arrives. A mutation
      // refused before it ran (no token) has no data and clears nothing: anyone could send one.
      return {
        onExecuteDone: ({ result }) => {
          if (!(Symbol.asyncIterator in result) && result.data === undefined) return;
          clear();
        },
      };
    },
    async onDispose() {
      await (await stop)?.();
    },
  };
}
