import { describe, expect, it } from 'vitest';
import { decodePage } from '../../src/cli/ingest-inputs.js';

describe('decodePage', () => {
  it('reads UTF-8 as UTF-8', () => {
    expect(decodePage(new TextEncoder().encode('Zürich – “quoted”'))).toBe('Zürich – “quoted”');
  });

  it('reads a page that is not valid UTF-8 as Windows-1252 instead of replacement characters', () => {
    const latin = Uint8Array.from([0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68, 0x20, 0x93, 0x71, 0x94]);
    expect(decodePage(latin)).toBe('Zürich “q”');
  });
});
