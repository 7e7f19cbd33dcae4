import { REGION_WORDS } from './word-lists.js';

/**
 * Splits a region word off a name: "Raqqa Governorate" and "Province of Idlib" give the bare
 * name and `true`; names without one come back unchanged with `false`. A name that is only
 * a region word ("State") is left alone.
 */
export function stripRegionWord(name: string): { base: string; stripped: boolean } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { base: name.trim(), stripped: false };
  const last = words[words.length - 1].toLowerCase();
  if (REGION_WORDS.has(last)) return { base: words.slice(0, -1).join(' '), stripped: true };
  const first = words[0].toLowerCase();
  if (REGION_WORDS.has(first) && words[1]?.toLowerCase() === 'of' && words.length > 2) {
    return { base: words.slice(2).join(' '), stripped: true };
  }
  return { base: name.trim(), stripped: false };
}
