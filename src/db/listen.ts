import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/** The channel the graph tables' triggers notify on commit (migration graph_change_notify). */
export const GRAPH_CHANGED_CHANNEL = 'news_graph_changed';

/**
 * What a listener hears. Between `down` and the next `up` notifications may have been missed,
 * so anything derived from the database must be treated as stale.
 */
export interface ChannelListener {
  /** LISTEN is in place; called again after every reconnection. */
  up(): void;
  /** A notification arrived (after the notifying transaction committed). */
  notify(payload: string): void;
  /** The listening connection is gone; `up` follows once it is back. */
  down(): void;
}

/** Stops listening. */
export type Unlisten = () => Promise<void>;

/** LISTEN on PGlite: one in-process session, so it cannot drop. */
export async function listenPglite(
  client: PGlite,
  channel: string,
  listener: ChannelListener,
): Promise<Unlisten> {
  const unlisten = await client.listen(channel, (payload) => listener.notify(payload));
  listener.up();
  return () => unlisten();
}

export interface PostgresListenOptions {
  connectTimeoutS?: number;
  /** Delay before retrying LISTEN after the connection dropped. */
  retryMs?: number;
}

/**
 * LISTEN on a PostgreSQL connection of its own (outside the query pool). postgres.js's
 * `sql.listen` re-listens after a drop without saying it was down, so this keeps its own
 * connection to report `down` at once and retries until LISTEN succeeds again. It never throws:
 * when the first LISTEN fails, `up` is simply not called until a retry succeeds.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  listener: ChannelListener,
  options: PostgresListenOptions = {},
): Promise<Unlisten> {
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const sql = postgres(url, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: options.connectTimeoutS ?? 10,
    fetch_types: false,
    onnotice: () => {},
    onclose: () => {
      if (stopped) return;
      listener.down();
      schedule();
    },
    // Not in postgres.js's types, but the option its own `listen` is built on.
    onnotify: (name: string, payload: string) => {
      if (name === channel) listener.notify(payload);
    },
  } as postgres.Options<Record<string, never>>);
  const statement = `listen "${channel.replace(/"/g, '""')}"`;
  async function attempt(): Promise<void> {
    retry = undefined;
    if (stopped) return;
    try {
      await sql.unsafe(statement);
      if (!stopped) listener.up();
    } catch {
      // The close handler schedules the next attempt when the connection failed.
      if (!retry && !stopped) schedule();
    }
  }
  function schedule() {
    if (retry || stopped) return;
    retry = setTimeout(attempt, options.retryMs ?? 1_000);
    retry.unref();
  }
  await attempt();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await sql.end({ timeout: 1 });
  };
}
