import { isDeepStrictEqual } from 'node:util';
import type { Shape } from '../shapes.js';
import { endpoint } from './contenders.js';
import { counter, postJson, type Server } from './procs.js';

export interface Check {
  equal: boolean;
  /** SQL statements one request of this shape sent, per contender. */
  statements: Record<string, number>;
  bytes: number;
  note?: string;
}

async function ask(
  server: Server,
  shape: Shape,
): Promise<{ data: unknown; bytes: number; statements: number } | null> {
  const query = server.name === 'postgraphile' ? shape.postgraphile : shape.newsGraph;
  if (query === null) return null;
  // The cached contender is measured on repeats: count (and compare) its second answer.
  if (server.name.includes('response cache')) await postJson(endpoint(server, shape.name), query);
  const before = await counter(server);
  const res = await postJson(endpoint(server, shape.name), query);
  const statements = (await counter(server)) - before;
  const body = JSON.parse(res.text);
  if (res.status !== 200 || body.errors)
    throw new Error(`${server.name} ${shape.name}: ${res.status} ${res.text.slice(0, 300)}`);
  const data =
    server.name === 'postgraphile' && shape.fromPostgraphile ? shape.fromPostgraphile(body.data) : body.data;
  return { data, bytes: res.text.length, statements };
}

/** Asks every contender once and checks that the answers are the same JSON (modulo naming). */
export async function verifyShape(servers: Server[], shape: Shape): Promise<Check> {
  const answers = new Map<string, Awaited<ReturnType<typeof ask>>>();
  for (const server of servers) answers.set(server.name, await ask(server, shape));
  const reference = answers.get('news-graph');
  const statements: Record<string, number> = {};
  const differing: string[] = [];
  for (const [name, answer] of answers) {
    if (!answer) continue;
    statements[name] = answer.statements;
    if (!isDeepStrictEqual(answer.data, reference?.data)) differing.push(name);
  }
  const note = differing.length > 0 ? `differs from news-graph: ${differing.join(', ')}` : undefined;
  if (note)
    console.error(
      `  ${shape.name}: ${note}\n    news-graph: ${JSON.stringify(reference?.data).slice(0, 400)}\n    ${differing[0]}: ${JSON.stringify(answers.get(differing[0])?.data).slice(0, 400)}`,
    );
  return { equal: differing.length === 0, statements, bytes: reference?.bytes ?? 0, note };
}
