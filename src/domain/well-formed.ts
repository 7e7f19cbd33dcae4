const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone UTF-16 surrogates (possible in JSON input, never in real text) with U+FFFD so
 * PostgreSQL can store the string. Lengths, hence offsets, are unchanged.
 */
export function wellFormed<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value) as T;
}
