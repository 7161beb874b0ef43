// The clinic server not answering: at open (no PC writes anything anywhere) and mid-session (the store turns a lost
// connection into this one error, so the services can say `unreachable` and keep what the coordinator typed as a
// sealed draft on the PC; services/offline-drafts-service.ts). Said with the server's address, never its password.

/** The clinic server did not answer, refused the login or its certificate did not verify. */
export class ServerUnreachableError extends Error {
  override name = 'ServerUnreachableError';
  constructor(url: string, cause: unknown, when: 'open' | 'call' = 'open') {
    const where = (() => {
      try {
        const parsed = new URL(url);
        return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
      } catch {
        return 'the clinic server';
      }
    })();
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      when === 'open'
        ? `The clinic server ${where} could not be opened: ${reason}. Nothing was written; check the address, the network and the login, then try again.`
        : `The clinic server ${where} did not answer (${reason}). Nothing was saved on it; check the network, then try again.`,
      { cause },
    );
  }
}

/** Errors of the socket rather than of the statement: the server is gone, restarting or out of reach. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** SQLSTATEs of a server shutting down or not yet accepting connections (class 08 is every connection exception). */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);

/** True when `error` says the connection to the server failed, not that a statement was refused. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith('08'))) return true;
  // node-postgres's own words for a socket that closed under a query or before a connection was made.
  if (/Connection terminated|connection timeout|Client has encountered a connection error|Client was closed/i.test(error.message))
    return true;
  return error instanceof AggregateError && error.errors.some(isConnectionFailure);
}
