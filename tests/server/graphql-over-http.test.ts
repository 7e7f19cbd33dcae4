import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { createYogaServer } from '../../src/server/yoga.js';
import { testServerOptions } from '../helpers/server.js';

// The audits only ask for `__typename` and malformed requests, so no database is touched.
const yoga = createYogaServer({
  db: {} as Database,
  gazetteer: {} as Gazetteer,
  options: testServerOptions(),
});

/**
 * A non-browser client, which is what the audits model: it sends the CSRF header our server
 * requires on "simple" (preflight-free) requests such as a GET.
 */
function client(input: RequestInfo | URL, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('x-graphql-csrf', '1');
  return yoga.fetch(input as string, { ...init, headers });
}

const audits = serverAudits({ url: 'http://yoga/graphql', fetchFn: client });

describe('GraphQL over HTTP (graphql-http audits)', () => {
  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.name, a] as const))(
    '%s',
    async (_name, audit) => {
      const result = await audit.fn();
      expect(
        result.status === 'ok' ? 'ok' : `${result.status}: ${'reason' in result ? result.reason : ''}`,
      ).toBe('ok');
    },
  );

  it('passes every SHOULD and MAY audit too', async () => {
    const others = audits.filter((a) => !a.name.startsWith('MUST'));
    const failures = [];
    for (const audit of others) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(audit.name);
    }
    expect({ total: others.length, failures }).toEqual({ total: others.length, failures: [] });
  });
});
