/**
 * postgres.js 3.4.9 can throw from a timer after the server drops a connection (a buffered write
 * to a socket it already nulled; upstream issues porsager/postgres#1154 and #1208, fix not
 * released). The query it belonged to has already been rejected with CONNECTION_CLOSED, so
 * the throw carries no information; without this guard it kills the process instead of letting
 * the caller retry. Every other uncaught exception still ends the process.
 */
export function isPostgresNullSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '')
  );
}

let installed = false;

/** Installs the guard once per process (server and CLI, only when PostgreSQL is used). */
export function guardAgainstPostgresNullSocketWrites(onIgnored: (error: Error) => void = () => {}): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (error) => {
    if (isPostgresNullSocketWrite(error)) {
      onIgnored(error);
      return;
    }
    console.error(error);
    process.exit(1);
  });
}
