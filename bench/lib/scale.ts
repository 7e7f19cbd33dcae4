import postgres from 'postgres';
import { shapes } from '../shapes.js';
import { endpoint, startContender } from './contenders.js';
import { runLoad } from './load.js';
import { verifyShape } from './verify.js';

const BASE = 'postgres://postgres@127.0.0.1:5432/';
export const SCALE_DATABASES = ['ng_bench_10k', 'ng_bench_100k', 'ng_bench_1m'];

async function claimCount(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await sql`select count(*)::int as n from claims`;
    return n;
  } catch {
    return 0;
  } finally {
    await sql.end();
  }
}

/**
 * Central-question latency of news-graph and the ceiling on each generated database that exists
 * (fill them with `npm run generate`): closed loop with 1 client (pure latency) and 16.
 */
export async function scaleRun(cpu: number) {
  const { busiestCity } = await import('./database.js');
  const rows = [];
  for (const name of SCALE_DATABASES) {
    const url = BASE + name;
    const claims = await claimCount(url);
    if (claims === 0) continue;
    const place = await busiestCity(url);
    const central = shapes(place).find((s) => s.name === 'central');
    if (!central) throw new Error('no central shape');
    const servers = [
      await startContender('news-graph', url, 4120, cpu),
      await startContender('ceiling', url, 4121, cpu, place.key),
    ];
    try {
      const check = await verifyShape(servers, central);
      const row: Record<string, unknown> = { claims, place: place.name, equal: check.equal };
      for (const s of servers) {
        await runLoad(endpoint(s, 'central'), central.newsGraph, 4, 2);
        row[`${s.name}@1`] = await runLoad(endpoint(s, 'central'), central.newsGraph, 1, 5);
        row[`${s.name}@16`] = await runLoad(endpoint(s, 'central'), central.newsGraph, 16, 5);
      }
      console.log('scale', row);
      rows.push(row);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  return rows;
}
