import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the real server (tsx src/server/main.ts, as npm start does) on a free port and an empty PGlite dir. */
async function startServer(
  dataDir: string,
): Promise<{ child: ChildProcess; port: number; exited: Promise<number | null> }> {
  const { DATABASE_URL: _unused, ...parentEnv } = process.env;
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: root,
    env: {
      ...parentEnv,
      NODE_ENV: 'production',
      PORT: '0',
      PGLITE_DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"port":(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
  return { child, port, exited };
}

function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ port, path: '/health' }, () => resolve('answered'));
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    req.end();
  });
}

describe('SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'news-graph-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes the request in flight, refuses new connections, closes the database and exits 0', async () => {
    const { child, port, exited } = await startServer(dataDir);
    // A request whose body is still arriving when the signal lands: in flight by any measure.
    const body = JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(async () => {
        child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 1000));
        newConnection = await tryConnect(port);
        req.end(body.slice(10));
      }, 300);
    });
    let newConnection = '';
    const response = await answer;
    expect(newConnection).toBe('ECONNREFUSED');
    expect(response).toEqual({
      status: 200,
      text: JSON.stringify({ data: { articles: { totalCount: 0 } } }),
    });
    expect(await exited).toBe(0);
  }, 120_000);
});
