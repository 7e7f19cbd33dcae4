import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows } from '../../src/db/execute.js';
import { createTestDb, drivers } from '../helpers/db.js';

describe.runIf(drivers.includes('postgres'))('PostgreSQL sessions (postgres)', () => {
  it('run without JIT: short queries whose cost is overestimated must not pay for compilation', async () => {
    const t = await createTestDb('postgres');
    try {
      const [row] = await executeRows<{ jit: string }>(t.db, sql`show jit`);
      expect(row.jit).toBe('off');
    } finally {
      await t.close();
    }
  });
});
