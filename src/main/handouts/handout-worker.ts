// A worker thread that makes handouts, so batches run off the event loop that serves the app's window and
// requests. Fonts are parsed once per worker and stay parsed between jobs.
import { parentPort } from 'node:worker_threads';
import type { HandoutInput } from './kinds/handout-input';
import { makeHandout, type HandoutRequest } from './make-handout';

export interface HandoutJob {
  readonly id: number;
  readonly input: HandoutInput;
  readonly request: HandoutRequest;
}

export type HandoutJobResult = { readonly id: number; readonly pdf: Uint8Array } | { readonly id: number; readonly error: string };

parentPort?.on('message', (job: HandoutJob) => {
  makeHandout(job.input, job.request).then(
    (pdf) => parentPort!.postMessage({ id: job.id, pdf } satisfies HandoutJobResult, [pdf.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: String(error) } satisfies HandoutJobResult),
  );
});
