// The support log's entries. Each method takes typed facts (a channel of the contract, a correlation id, an
// error code, issue paths and codes, counts, durations) and builds its entry from those alone through
// safe-fields.ts: there is no method that takes a payload or free text, so no patient's name, answer or note can be
// handed to it, whoever calls it. Where the entries go (files, stderr, a test's array) is the sink's business.
import { contract, type AppError, type Channel, type ErrorCode } from '../../shared/contract';
import { currentCall, CORRELATION_ID } from './call-context';
import { safeCallName, safeError, safeIssues, type Safe, type SafeError, type SafeIssue } from './safe-fields';

export type LogLevel = 'info' | 'warn' | 'error';

/** Everything an entry can hold. */
export type LogRecord =
  | {
      readonly event: 'log_opened';
      readonly appVersion: string;
      readonly schemaVersion: number;
    }
  | {
      readonly event: 'call_refused';
      readonly channel: Channel | '?';
      readonly correlationId: string;
      readonly code: ErrorCode;
      readonly issues: readonly SafeIssue[];
      readonly issueCount: number;
      readonly durationMs: number;
    }
  | {
      readonly event: 'call_failed';
      readonly channel: Channel | '?';
      readonly correlationId: string;
      readonly code: 'internal' | 'database_damaged';
      readonly error: SafeError;
      readonly durationMs: number;
    }
  | {
      readonly event: 'slow_transaction';
      readonly channel?: Channel;
      readonly correlationId?: string;
      readonly kind: 'write' | 'read';
      readonly durationMs: number;
      /** The repository methods called, in order of first call, each once. */
      readonly calls: readonly Safe[];
      readonly callCount: number;
    }
  | {
      readonly event: 'failure_outside_call';
      /** What was under way: a fixed word of ours. */
      readonly task: 'backup' | 'audit_anchor' | 'retention_purge' | 'preview_request';
      readonly error: SafeError;
    }
  | {
      readonly event: 'database_check';
      readonly when: 'open_after_unclean_shutdown' | 'background';
      readonly result: 'ok' | 'damaged' | 'failed';
      /** How many problems PRAGMA quick_check listed (their text names pages and indexes: left out all the same). */
      readonly problemCount: number;
    }
  | {
      readonly event: 'diagnostics_saved';
      readonly files: number;
      readonly bytes: number;
    };

export type LogSink = (level: LogLevel, record: LogRecord) => void;

export interface CallRef {
  readonly channel: string;
  readonly correlationId: string;
}

export interface SlowTransaction {
  readonly kind: 'write' | 'read';
  readonly durationMs: number;
  readonly calls: readonly string[];
}

export interface AppLog {
  opened(versions: { readonly appVersion: string; readonly schemaVersion: number }): void;
  /** A call answered with an error result (the schema's refusal, not_found, conflict, forbidden, ...). */
  refused(call: CallRef, error: AppError, durationMs: number): void;
  /** A call whose handler threw: answered 'internal' (or 'database_damaged'). */
  failed(call: CallRef, error: unknown, durationMs: number, code?: 'internal' | 'database_damaged'): void;
  /** A store transaction over the slow threshold; the call it ran in is read from the call context. */
  slowTransaction(transaction: SlowTransaction): void;
  /** Something that failed outside any call (the daily timer's work, the preview server itself). */
  failedOutsideCall(task: Extract<LogRecord, { event: 'failure_outside_call' }>['task'], error: unknown): void;
  diagnosticsSaved(bundle: { readonly files: number; readonly bytes: number }): void;
  databaseCheck(check: Omit<Extract<LogRecord, { event: 'database_check' }>, 'event'>): void;
  /** The files in this log's folder (none for stderr or memory), for the diagnostics bundle. */
  files(): readonly string[];
  /** Resolves when the entries made so far are in the files. */
  flush(): Promise<void>;
  /** Writes what is pending, then stops. */
  close(): Promise<void>;
}

// A channel name that is not the contract's came from the caller: it is not written.
const channelOf = (name: string): Channel | '?' => (Object.hasOwn(contract, name) ? (name as Channel) : '?');
const correlationOf = (id: string): string => (CORRELATION_ID.test(id) ? id : '?');
const ms = (value: number): number => Math.round(value * 10) / 10;

export function createAppLog(
  sink: LogSink,
  options: { files?: () => readonly string[]; flush?: () => Promise<void>; close?: () => Promise<void> } = {},
): AppLog {
  return {
    opened: ({ appVersion, schemaVersion }) =>
      sink('info', { event: 'log_opened', appVersion: /^[\w.+-]{1,40}$/.test(appVersion) ? appVersion : '?', schemaVersion }),
    refused: (call, error, durationMs) =>
      sink(error.code === 'invalid_input' || error.code === 'not_found' ? 'info' : 'warn', {
        event: 'call_refused',
        channel: channelOf(call.channel),
        correlationId: correlationOf(call.correlationId),
        code: error.code,
        issues: safeIssues(error.issues),
        issueCount: error.issues.length,
        durationMs: ms(durationMs),
      }),
    failed: (call, error, durationMs, code = 'internal') =>
      sink('error', {
        event: 'call_failed',
        channel: channelOf(call.channel),
        correlationId: correlationOf(call.correlationId),
        code,
        error: safeError(error),
        durationMs: ms(durationMs),
      }),
    slowTransaction: ({ kind, durationMs, calls }) => {
      const call = currentCall();
      const names: Safe[] = [];
      for (const name of calls) {
        const safe = safeCallName(name);
        if (safe && !names.includes(safe)) names.push(safe);
      }
      sink('warn', {
        event: 'slow_transaction',
        ...(call ? { channel: call.channel, correlationId: call.correlationId } : {}),
        kind,
        durationMs: ms(durationMs),
        calls: names.slice(0, 40),
        callCount: calls.length,
      });
    },
    failedOutsideCall: (task, error) => sink('error', { event: 'failure_outside_call', task, error: safeError(error) }),
    diagnosticsSaved: ({ files, bytes }) => sink('info', { event: 'diagnostics_saved', files, bytes }),
    databaseCheck: ({ when, result, problemCount }) =>
      sink(result === 'ok' ? 'info' : 'error', { event: 'database_check', when, result, problemCount }),
    files: options.files ?? (() => []),
    flush: options.flush ?? (() => Promise.resolve()),
    close: options.close ?? (() => Promise.resolve()),
  };
}

/** Where no file log is open (tests, the benchmark): the failures on stderr as one JSON line each, as before there
 * was a log; refusals and slow transactions are left out, they are normal in a test run. */
export const stderrAppLog: AppLog = createAppLog((level, record) => {
  if (level === 'error') process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, ...record })}\n`);
});

/** A log that keeps its entries in memory, for tests. */
export function memoryAppLog(): AppLog & { readonly entries: { level: LogLevel; record: LogRecord }[] } {
  const entries: { level: LogLevel; record: LogRecord }[] = [];
  return Object.assign(
    createAppLog((level, record) => void entries.push({ level, record })),
    { entries },
  );
}
