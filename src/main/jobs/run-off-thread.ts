// Runs a job in a worker thread of its own (job-worker.ts) and answers with a Result: its progress is passed on as
// it comes, and a worker that fails, throws or stops answers a typed error instead of crashing the caller.
import { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/contract';
import type { JobProgress } from './job-progress';
import type { JobMessage, JobResultOf, OffThreadJob } from './job-worker';

/** The worker's script beside this module: .ts when run from sources, .js when built (like handout-pool.ts). */
const workerUrl = (): URL => new URL(import.meta.url.endsWith('.ts') ? './job-worker.ts' : './job-worker.js', import.meta.url);

/** From the sources, the worker needs tsx's loader for ClinicDesk's own imports, unless this process has it already
 * (tsx passes it on to workers; vitest does not). */
function execArgvFor(url: URL): string[] | undefined {
  if (!url.pathname.endsWith('.ts') || process.execArgv.some((arg) => arg.includes('tsx'))) return undefined;
  return [...process.execArgv, '--import', 'tsx'];
}

export function runOffThread<J extends OffThreadJob>(
  job: J,
  onProgress: (progress: JobProgress) => void = () => {},
  url: URL = workerUrl(),
): Promise<Result<JobResultOf<J>>> {
  return new Promise((resolve) => {
    const execArgv = execArgvFor(url);
    const worker = new Worker(url, { workerData: job, ...(execArgv ? { execArgv } : {}) });
    let settled = false;
    const settle = (result: Result<JobResultOf<J>>) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    // The worker answers the kind of job it was given (job-worker.ts).
    worker.on('message', (message: JobMessage<JobResultOf<J>>) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') settle(ok(message.value));
      else settle(fail('internal', `The ${job.kind} job failed: ${message.message}`));
    });
    worker.once('error', (error) => settle(fail('internal', `The ${job.kind} job stopped: ${error.message}`)));
    worker.once('exit', (code) => settle(fail('internal', `The ${job.kind} job ended before it finished (exit ${code}).`)));
  });
}
