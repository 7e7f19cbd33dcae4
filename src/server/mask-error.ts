import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';

// SQLSTATE classes and driver codes that mean "the database is busy or away", not a bug.
const TIMEOUT_CODES = new Set(['57014']); // query_canceled: statement_timeout fired
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53400',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

/** The error codes along an error's cause chain (GraphQL originalError, Drizzle's cause…). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const { code, originalError, cause } = current as {
      code?: unknown;
      originalError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') codes.push(code);
    current = originalError ?? cause;
  }
  return codes;
}

/** Whether an error (or one it wraps) says the database timed out or is unreachable. */
export function databaseOutage(error: unknown): 'DATABASE_TIMEOUT' | 'SERVICE_UNAVAILABLE' | null {
  const codes = codesOf(error);
  if (codes.some((c) => TIMEOUT_CODES.has(c))) return 'DATABASE_TIMEOUT';
  if (codes.some((c) => UNAVAILABLE_CODES.has(c) || c.startsWith('08'))) return 'SERVICE_UNAVAILABLE';
  return null;
}

/**
 * Yoga's masking, never in "dev" mode (which would echo the driver's message, with SQL and
 * connection details), plus a 503 with a retryable code when the database is slow or away.
 */
export function maskServerError(error: unknown, message: string): Error {
  const outage = databaseOutage(error);
  if (outage) {
    const wrapped = error instanceof GraphQLError ? error : undefined;
    const text =
      outage === 'DATABASE_TIMEOUT'
        ? 'The database took too long to answer; try again later.'
        : 'The database is unavailable; try again later.';
    return new GraphQLError(text, {
      nodes: wrapped?.nodes,
      path: wrapped?.path,
      extensions: { code: outage, http: { status: 503, headers: { 'Retry-After': '5' } } },
    });
  }
  return maskError(error, message, false);
}
