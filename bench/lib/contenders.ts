import { fileURLToPath } from 'node:url';
import { launch, postJson, type Server, stopGroup, waitFor } from './procs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = ['node', '--import', 'tsx'];

export type ContenderName =
  | 'news-graph'
  | 'news-graph (resolvers only)'
  | 'news-graph (response cache)'
  | 'postgraphile'
  | 'ceiling';

/** The URL each contender answers on; the ceiling takes the shape in the path. */
export function endpoint(server: Server, shape: string): string {
  return server.name === 'ceiling' ? `${server.url}/ceiling/${shape}` : `${server.url}/graphql`;
}

/** Starts one contender pinned to `cpu` and waits until it answers `{ __typename }`. */
export async function startContender(
  name: ContenderName,
  databaseUrl: string,
  port: number,
  cpu: number,
  placeKey = '',
): Promise<Server> {
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DB_POOL_SIZE: '10',
    BENCH_PLACE_KEY: placeKey,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    // The same server twice: every request executed, and repeated queries answered from memory.
    RESPONSE_CACHE: name === 'news-graph (response cache)' ? 'on' : 'off',
    // A/B of the compiled read path against Pothos' resolvers for every query.
    COMPILED_READS: name === 'news-graph (resolvers only)' ? 'off' : 'on',
  };
  const command = name.startsWith('news-graph')
    ? [...tsx, `${root}bench/contenders/news-graph-server.ts`]
    : name === 'ceiling'
      ? [...tsx, `${root}bench/contenders/ceiling-server.ts`]
      : ['node', `${root}bench/postgraphile/server.js`];
  const proc = launch(command, env, cpu);
  const url = `http://127.0.0.1:${port}`;
  const server: Server = { name, url, proc, stop: () => stopGroup(proc) };
  const probe = name === 'ceiling' ? `${url}/ceiling/trivial` : `${url}/graphql`;
  await waitFor(async () => (await postJson(probe, '{ __typename }')).status === 200, 60_000, 200);
  return server;
}
