// A failed Result as the query library sees it: a thrown error that keeps the services' typed error (its code,
// issues and the support log's correlation id), so a screen can show the message and ErrorReference from it.
import type { AppError, ErrorCode, Result } from '../../../shared/contract';
import { failureOf, type Failure } from '../components/ErrorReference';

export class CallFailed extends Error {
  readonly failure: Failure;

  constructor(
    readonly channel: string,
    readonly error: AppError,
  ) {
    super(`${channel}: ${error.code} ${error.message}`);
    this.name = 'CallFailed';
    this.failure = failureOf(error);
  }
}

/** The Result's value, or a CallFailed thrown for the query library to keep as the query's error. */
export function valueOf<T>(channel: string, result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CallFailed(channel, result.error);
}

/** Worth asking again by itself: the preview door was busy reading other bodies. Every other failure is a typed
 * refusal (asking again gets the same answer) or an internal error the coordinator should see and retry. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['busy']);
export const MAX_AUTOMATIC_RETRIES = 2;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof CallFailed && TRANSIENT.has(error.error.code) && failureCount < MAX_AUTOMATIC_RETRIES;
}
