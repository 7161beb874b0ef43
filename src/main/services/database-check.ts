// The check of the database's pages after open, and its result for getAppInfo and the log. After an unclean
// shutdown openDatabase has already run it, before anything was written; otherwise it runs in a worker thread once
// the door is answering, so a large database never delays the first answer. Damage found there cannot stop an
// app that is already open: it is logged (one JSON line) and shown through getAppInfo with the way out.
import type { DatabaseCheckStatus } from '../../shared/contract/app';
import { startQuickCheckWorker, type BackgroundQuickCheck } from '../db/background-quick-check';
import type { StructuredLog } from '../structured-log';

export interface DatabaseCheck {
  status(): DatabaseCheckStatus;
  stop(): void;
}

export interface DatabaseCheckOptions {
  readonly databasePath: string;
  /** The raw key as hex, or null for the benchmark's plain baseline. */
  readonly keyHex: string | null;
  /** openDatabase ran quick_check already (the last session ended uncleanly) and it passed. */
  readonly checkedAtOpen: boolean;
  /** Start the background check (the app and the preview, which keep running; not the CLI's short commands). */
  readonly background: boolean;
  /** The damage message with the way out, for the problems quick_check listed. */
  readonly describeDamage: (problems: readonly string[]) => string;
  readonly log: StructuredLog;
  readonly now: () => Date;
}

export function startDatabaseCheck(options: DatabaseCheckOptions): DatabaseCheck {
  const { databasePath, log } = options;
  let status: DatabaseCheckStatus = { state: 'not_run' };
  let worker: BackgroundQuickCheck | null = null;
  let timer: NodeJS.Immediate | null = null;
  let stopped = false;

  if (options.checkedAtOpen) {
    status = { state: 'ok', checkedAt: options.now().toISOString() };
    log({ event: 'database_check', when: 'open_after_unclean_shutdown', result: 'ok', databasePath });
  } else if (options.background) {
    status = { state: 'running' };
    // After the door's first turn of the event loop, so opening returns (and the window or server starts) at once.
    timer = setImmediate(() => {
      timer = null;
      worker = startQuickCheckWorker({ path: databasePath, keyHex: options.keyHex });
      void worker.outcome.then((outcome) => {
        if (stopped) return;
        const checkedAt = options.now().toISOString();
        if ('failed' in outcome) {
          status = { state: 'failed', message: outcome.failed };
          log({ event: 'database_check', when: 'background', result: 'failed', databasePath, message: outcome.failed });
        } else if (outcome.problems.length > 0) {
          const message = options.describeDamage(outcome.problems);
          status = { state: 'damaged', checkedAt, message };
          log({
            event: 'database_check',
            when: 'background',
            result: 'damaged',
            databasePath,
            problems: outcome.problems.slice(0, 100),
            message,
          });
        } else {
          status = { state: 'ok', checkedAt };
          log({ event: 'database_check', when: 'background', result: 'ok', databasePath });
        }
      });
    });
  }

  return {
    status: () => status,
    stop() {
      stopped = true;
      if (timer) clearImmediate(timer);
      (worker as BackgroundQuickCheck | null)?.stop();
    },
  };
}
