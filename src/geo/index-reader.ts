import { type IndexHeader, parseHeader, parsePlaceLine } from './index-format.js';
import type { Place } from './types.js';

const NEWLINE = 10;
const TAB = 9;

/**
 * Read-only view of a cache file held as one Buffer: lines are located once, places and
 * spelling keys are found by binary search over the bytes and decoded only when asked for.
 * This keeps ~200k places in a few tens of MB instead of hundreds.
 */
export class IndexReader {
  private readonly lineStarts: Int32Array;
  readonly header: IndexHeader;

  constructor(private readonly buffer: Buffer) {
    const firstEnd = buffer.indexOf(NEWLINE);
    const header = firstEnd > 0 ? parseHeader(buffer.toString('latin1', 0, firstEnd)) : null;
    if (!header) throw new Error('Not a gazetteer cache of this version');
    this.header = header;
    const lines = header.placeCount + header.keyCount;
    this.lineStarts = new Int32Array(lines + 1);
    let pos = firstEnd + 1;
    for (let i = 0; i < lines; i++) {
      this.lineStarts[i] = pos;
      pos = buffer.indexOf(NEWLINE, pos) + 1;
      if (pos === 0) throw new Error('Truncated gazetteer cache');
    }
    this.lineStarts[lines] = pos;
  }

  /** The place stored in row `row` (0-based, rows sorted by place key). */
  place(row: number): Place {
    return parsePlaceLine(this.buffer.toString('utf8', this.lineStarts[row], this.lineStarts[row + 1] - 1));
  }

  /** The row of the place with this key, or -1. */
  placeRow(key: string): number {
    return this.search(key, 0, this.header.placeCount);
  }

  /** Rows of the places that have this spelling key. */
  rowsForKey(key: string): number[] {
    const line = this.search(key, this.header.placeCount, this.header.placeCount + this.header.keyCount);
    if (line < 0) return [];
    const start = this.buffer.indexOf(TAB, this.lineStarts[line]) + 1;
    return this.buffer
      .toString('latin1', start, this.lineStarts[line + 1] - 1)
      .split(' ')
      .map(Number);
  }

  /** Binary search of lines [lo, hi) by their first field; ASCII keys compare as bytes. */
  private search(key: string, lo: number, hi: number): number {
    const target = Buffer.from(key, 'latin1');
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const cmp = this.compare(target, this.lineStarts[mid]);
      if (cmp === 0) return mid;
      if (cmp < 0) hi = mid;
      else lo = mid + 1;
    }
    return -1;
  }

  /** Compares `target` with the first field of the line starting at `start`. */
  private compare(target: Buffer, start: number): number {
    for (let i = 0; ; i++) {
      const b = this.buffer[start + i];
      const fieldEnded = b === TAB;
      if (i === target.length) return fieldEnded ? 0 : -1;
      if (fieldEnded) return 1;
      if (target[i] !== b) return target[i] - b;
    }
  }
}
