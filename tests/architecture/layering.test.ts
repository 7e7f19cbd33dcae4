import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map(
    (m) => m[1],
  );
}

const graphqlPackages = /^(graphql|graphql-yoga|@pothos\/|@graphql-yoga\/|graphql-scalars)/;

describe('layering (ARCHITECTURE.md)', () => {
  it.each(['db', 'domain', 'ingest', 'geo'])('src/%s knows nothing of GraphQL', (layer) => {
    const offenders = filesUnder(join(src, layer)).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) => graphqlPackages.test(spec) || spec.includes('/graphql/') || spec.includes('/server/'),
        )
        .map((spec) => `${relative(src, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/geo and the ingest extractors import nothing else from the project', () => {
    const pure = [
      ...filesUnder(join(src, 'geo')),
      ...filesUnder(join(src, 'ingest')).filter((f) => !f.endsWith('persist.ts')),
    ];
    const offenders = pure.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => /\.\.\/(db|domain|graphql|server|cli|config)\//.test(spec))
        .map((spec) => `${relative(src, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only server/ and cli/ import the GraphQL layer', () => {
    const offenders = filesUnder(src)
      .filter((f) => !/\/(graphql|server|cli)\//.test(f))
      .flatMap((file) =>
        importsOf(file)
          .filter((s) => s.includes('/graphql/'))
          .map((s) => `${relative(src, file)} imports ${s}`),
      );
    expect(offenders).toEqual([]);
  });
});
