// The ceiling contender: node:http + postgres.js, one hand-written statement per request that
// returns the finished JSON. POST /ceiling/<shape> with any body.
import { createServer } from 'node:http';
import postgres from 'postgres';
import { CEILING_SQL } from '../ceiling-queries.js';

const sql = postgres(process.env.DATABASE_URL as string, {
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  onnotice: () => {},
});
const placeKey = process.env.BENCH_PLACE_KEY ?? '';
let statements = 0;

async function answer(shape: string): Promise<string> {
  if (shape === 'trivial') return '{"data":{"__typename":"Query"}}';
  const text = CEILING_SQL[shape];
  if (!text) throw new Error(`unknown shape ${shape}`);
  statements++;
  const rows = await sql.unsafe(text, shape === 'central' ? [placeKey] : [], { prepare: true });
  return rows[0].body as string;
}

createServer((req, res) => {
  if (req.url === '/__bench/statements') return void res.end(String(statements));
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString() || '{}');
    answer((req.url ?? '').replace('/ceiling/', '')).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
}).listen(Number(process.env.PORT ?? 4102), () => console.log('ceiling ready'));
