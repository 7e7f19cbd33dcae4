import { spellingKey } from '../geo/spelling-key.js';
import type { SourceKind } from '../ingest/types.js';

/** Lower-cased name without a leading article or punctuation: "The Pentagon" ~ "pentagon". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Identity of a speaker across articles. Anonymous speakers are scoped to their article:
 * "a military source" in two stories need not be the same person.
 */
export function sourceKey(name: string, kind: SourceKind, articleUrl: string): string {
  const key = nameKey(name);
  return kind === 'ANONYMOUS' ? `anon:${articleUrl}#${key}` : key;
}

/** Key under which a place spelling is stored and looked up ("Raqa" ~ "Ar-Raqqah"). */
export function placeAliasKey(name: string): string {
  return spellingKey(name);
}
