/** Lenient comparisons the evaluation uses for speaker names and place names. */

const STRIP_WORDS = /^(?:the|a|an|one|unnamed|anonymous|unidentified)$/;

/** Lower-case content words, parentheses, articles and plural -s dropped. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/['’]s\b/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w !== '' && !STRIP_WORDS.test(w) && !/^(?:of|for|and|in|the)$/.test(w))
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

const bare = (w: string) => w.replace(/^(?:al|el|ad|ar|as|ash|az|ez)-/, '');

/**
 * Speaker names match when equal after normalising, when a person's last names agree, or when one
 * name's words are all in the other and they share the head word ("police" ~ "Detroit police").
 */
export function speakerNamesMatch(predicted: string, gold: string, goldKind: string | null): boolean {
  const p = nameTokens(predicted);
  const g = nameTokens(gold);
  if (p.length === 0 || g.length === 0) return false;
  if (p.join(' ') === g.join(' ')) return true;
  if (goldKind === 'PERSON' && bare(p[p.length - 1]) === bare(g[g.length - 1])) return true;
  const [short, long] = p.length <= g.length ? [p, g] : [g, p];
  return short.every((w) => long.includes(w)) && long.includes(short[short.length - 1]);
}
