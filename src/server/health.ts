import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { pendingMigrations } from '../db/readiness.js';

function json(fetchAPI: { Response: typeof Response }, body: unknown, status: number): Response {
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/**
 * `/ready`: the database answers `select 1` and every migration in ./drizzle is applied; 503
 * otherwise. Liveness is Yoga's own `/health` (an empty 200 that never touches the database).
 */
export function useHealthChecks(db: Database, options: { migrationsFolder?: string } = {}): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/ready') {
        try {
          const pending = await pendingMigrations(db, options.migrationsFolder);
          if (pending.length > 0) endResponse(json(fetchAPI, { status: 'migrations pending', pending }, 503));
          else endResponse(json(fetchAPI, { status: 'ready' }, 200));
        } catch {
          // The driver's message may name hosts or users; say only what is wrong.
          endResponse(json(fetchAPI, { status: 'database unreachable' }, 503));
        }
      }
    },
  };
}
