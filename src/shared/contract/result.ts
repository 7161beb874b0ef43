// Results, not exceptions, cross every door: a renderer, a terminal and an HTTP client all get plain data.
import type { Issue } from './issues';

export type ErrorCode =
  | 'invalid_input' // the payload failed the contract's schema or a domain check; see `issues`
  | 'not_found'
  | 'conflict' // someone saved the record after it was opened
  | 'forbidden' // the caller is not the app's own frame or page
  | 'unknown_channel'
  | 'database_too_new'
  | 'record_restricted' // a deletion request restricted the record: read-only until its retention ends
  | 'consent_withdrawn' // the patient withdrew consent to the processing of sensitive data
  | 'database_damaged' // a page of the database failed to read back; the message says how to restore
  | 'unreachable' // the clinic server did not answer; what was typed is kept as a sealed draft on this PC
  // Refusals of the preview's HTTP door, each with its status code, before the body is read:
  | 'no_session' // 401: no valid session cookie (open the URL the preview printed)
  | 'too_large' // 413: the declared body is larger than the channel takes
  | 'busy' // 503: too many bodies are being read at once; try again
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues: readonly Issue[];
  /** The support log's reference for this error (set by the dispatch, which logs every error it answers): shown on
   * the screen, so the line a clinic sends can be found from what the coordinator read out. */
  readonly correlationId?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues: readonly Issue[] = []): { ok: false; error: AppError } {
  return { ok: false, error: { code, message, issues } };
}

export function invalid(issues: readonly Issue[]): { ok: false; error: AppError } {
  const message = issues.length === 1 ? '1 field needs attention' : `${issues.length} fields need attention`;
  return fail('invalid_input', message, issues);
}
