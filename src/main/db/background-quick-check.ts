// Runs quick-check-worker.ts in a worker thread and hands back what it found, so the check after open runs beside
// the first answers instead of before them.
import { Worker } from 'node:worker_threads';
import type { QuickCheckJob, QuickCheckOutcome } from './quick-check-worker';

/** The worker's script beside this module: .ts when run from sources, .js when built (like handout-pool.ts). */
const workerUrl = (): URL =>
  new URL(import.meta.url.endsWith('.ts') ? './quick-check-worker.ts' : './quick-check-worker.js', import.meta.url);

export interface BackgroundQuickCheck {
  readonly outcome: Promise<QuickCheckOutcome>;
  /** Ends the check early (the services closing); the outcome then says it did not finish. */
  stop(): void;
}

export function startQuickCheckWorker(job: QuickCheckJob): BackgroundQuickCheck {
  const worker = new Worker(workerUrl(), { workerData: job });
  // A check still running never keeps a closing app or preview alive.
  worker.unref();
  const outcome = new Promise<QuickCheckOutcome>((resolve) => {
    worker.once('message', (found: QuickCheckOutcome) => resolve(found));
    worker.once('error', (error) => resolve({ failed: String(error) }));
    worker.once('exit', (code) => resolve({ failed: `the check stopped before it finished (exit ${code})` }));
  });
  return { outcome, stop: () => void worker.terminate() };
}
