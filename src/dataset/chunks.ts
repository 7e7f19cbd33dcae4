/** PostgreSQL allows 65,535 bind parameters per statement; stay under it with room to spare. */
const MAX_PARAMS = 60_000;

/** Splits rows into multi-row INSERT batches that fit the bind-parameter limit. */
export function* chunked<T>(rows: readonly T[], columns: number): Generator<T[]> {
  const size = Math.max(1, Math.min(5_000, Math.floor(MAX_PARAMS / columns)));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
