import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process.js';

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
    // The compiled server, started as npm start does, with an empty database.
    const { child, port, exited } = await startServerProcess(dataDir, {
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
    });
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
