import { spellingKey } from '../geo/spelling-key.js';
import type { SourceKind } from '../ingest/types.js';
import { sourceIdentity } from './source-identity.js';

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

/** Identity of a speaker across articles; see sourceIdentity for the rules. */
export function sourceKey(name: string, kind: SourceKind, articleUrl: string): string {
  return sourceIdentity(name, kind, articleUrl, nameKey);
}

/** Key under which a place spelling is stored and looked up ("Raqa" ~ "Ar-Raqqah"). */
export function placeAliasKey(name: string): string {
  return spellingKey(name);
}
