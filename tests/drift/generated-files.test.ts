import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaPath } from '../../src/cli/commands/print-schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);

describe('generated files match the code', () => {
  it('schema/schema.graphql is the sorted SDL of the Pothos schema (npm run schema:print)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(printedSchema());
  });

  it('drizzle/ migrations match the Drizzle schema (npm run db:generate)', () => {
    const out = mkdtempSync(join(tmpdir(), 'drizzle-drift-'));
    try {
      cpSync(join(root, 'drizzle'), out, { recursive: true });
      const before = readdirSync(out).sort();
      const config = join(out, 'drizzle.config.ts');
      writeFileSync(
        config,
        `export default { dialect: 'postgresql', schema: ${JSON.stringify(join(root, 'src/db/schema/index.ts'))}, out: ${JSON.stringify(out)} };`,
      );
      const log = execFileSync(bin('drizzle-kit'), ['generate', '--config', config], {
        cwd: root,
        encoding: 'utf8',
      });
      const after = readdirSync(out)
        .filter((f) => f !== 'drizzle.config.ts')
        .sort();
      expect(after, log).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('src/client/gql matches the operations and the SDL (npm run codegen)', () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-drift-'));
    try {
      const committed = join(root, 'src/client/gql');
      execFileSync(bin('graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
        cwd: root,
        env: { ...process.env, CODEGEN_OUT: `${out}/` },
      });
      for (const file of readdirSync(committed)) {
        expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(committed, file), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
