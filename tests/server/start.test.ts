import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';

const CENTRAL =
  '{ location(name: "Raqqa") { sources(includeContained: true) { edges { claimCount node { name } } } } }';

type Edge = { claimCount: number; node: { name: string } | null };

/** The central question over HTTP; speaker names sorted, the unresolved one as `<unresolved>`. */
async function raqqaSources(server: ServerProcess): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CENTRAL }),
  });
  const { data } = (await response.json()) as { data: { location: { sources: { edges: Edge[] } } } };
  return data.location.sources.edges.map((e) => e.node?.name ?? '<unresolved>').sort();
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

describe('npm start on PGlite', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'news-graph-start-')), 'pglite');
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));
  const demoSources = ['<unresolved>', 'Dillon', 'civilians', 'field commander with the US-backed forces'];

  it('first start: copies the prebuilt demo database and answers the central question', async () => {
    const server = await startServerProcess(dataDir);
    try {
      expect(server.output()).toContain('first start: copied the prebuilt demo database');
      expect(await raqqaSources(server)).toEqual(demoSources);
    } finally {
      await stop(server);
    }
  }, 180_000);

  it('warm start: opens the same directory as it is, with the demo still there once', async () => {
    const server = await startServerProcess(dataDir);
    try {
      expect(server.output()).not.toContain('copied the prebuilt demo database');
      expect(server.output()).not.toContain('loaded demo pages');
      expect(await raqqaSources(server)).toEqual(demoSources);
    } finally {
      await stop(server);
    }
  }, 120_000);

  // npm start runs the esbuild bundle (scripts/build.mjs); the extractor is a lazy chunk of it,
  // loaded on the first page to ingest.
  it('runs the bundled server, whose lazily loaded extractor ingests a page', async () => {
    const token = 'start-test-token-not-a-secret';
    const server = await startServerProcess(dataDir, { NEWS_GRAPH_TOKEN: token });
    try {
      expect(existsSync(fileURLToPath(new URL('../../dist/server/main.bundle.js', import.meta.url)))).toBe(
        true,
      );
      const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { claimCount } }',
          variables: {
            input: {
              url: 'https://start-test.example/mosul',
              text: 'Mosul residents fled the fighting.\n\nThe governor of Nineveh said the city of Mosul had no water for three days.',
            },
          },
        }),
      });
      const body = (await response.json()) as { data?: { ingestArticle: { claimCount: number } } };
      expect(body.data?.ingestArticle.claimCount).toBeGreaterThan(0);
    } finally {
      await stop(server);
    }
  }, 120_000);
});
