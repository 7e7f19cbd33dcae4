import { describe, expect, it } from 'vitest';
import { isPostgresNullSocketWrite } from '../../src/db/postgres-crash-guard.js';

describe('the postgres.js null-socket guard', () => {
  it('recognises only the known postgres.js throw', () => {
    const known = new TypeError("Cannot read properties of null (reading 'write')");
    known.stack = `${known.message}\n    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)`;
    expect(isPostgresNullSocketWrite(known)).toBe(true);
    const elsewhere = new TypeError("Cannot read properties of null (reading 'write')");
    elsewhere.stack = `${elsewhere.message}\n    at ours (file:///app/src/server/main.ts:1:1)`;
    expect(isPostgresNullSocketWrite(elsewhere)).toBe(false);
    expect(isPostgresNullSocketWrite(new Error('connection.js postgres write'))).toBe(false);
  });
});
