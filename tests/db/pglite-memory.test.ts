import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPgliteDb } from '../../src/db/client.js';
import { executeRows } from '../../src/db/execute.js';

describe('embedded PGlite', () => {
  it('runs with a small buffer cache by default, and takes another size when asked', async () => {
    for (const [asked, shown] of [
      [undefined, '32MB'],
      ['16MB', '16MB'],
    ] as const) {
      const handle = await createPgliteDb(undefined, { sharedBuffers: asked });
      const [row] = await executeRows<{ shared_buffers: string }>(handle.db, sql`show shared_buffers`);
      expect(row.shared_buffers).toBe(shown);
      await handle.close();
    }
  });
});
