// A small pool of handout workers (two by default: the clinic PCs and this machine have two cores). Jobs queue
// and go to the first free worker; a worker that dies is replaced and its job fails with the reason.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HandoutInput } from './kinds/handout-input';
import type { HandoutRequest } from './make-handout';
import type { HandoutJob, HandoutJobResult } from './handout-worker';

export interface HandoutPool {
  make(input: HandoutInput, request: HandoutRequest): Promise<Buffer>;
  close(): Promise<void>;
}

interface Pending {
  readonly job: HandoutJob;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

/** The worker's script beside this module: .ts when run from sources (tsx passes its loader on), .js when built. */
const workerUrl = (): URL => new URL(import.meta.url.endsWith('.ts') ? './handout-worker.ts' : './handout-worker.js', import.meta.url);

export function createHandoutPool(size = Math.max(1, Math.min(2, availableParallelism())), url: URL = workerUrl()): HandoutPool {
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let nextId = 1;
  let closed = false;
  /** Workers that died in a row without finishing a job: a worker that cannot even start is not restarted forever. */
  let failuresInARow = 0;

  const start = (): void => {
    const worker = new Worker(url);
    worker.unref();
    worker.on('message', (result: HandoutJobResult) => {
      const pending = busy.get(worker);
      busy.delete(worker);
      failuresInARow = 0;
      if (pending) {
        if ('pdf' in result) pending.resolve(Buffer.from(result.pdf));
        else pending.reject(new Error(result.error));
      }
      idle.push(worker);
      pump();
    });
    worker.on('error', (error) => {
      const pending = busy.get(worker);
      busy.delete(worker);
      const idleAt = idle.indexOf(worker);
      if (idleAt >= 0) idle.splice(idleAt, 1);
      pending?.reject(error);
      failuresInARow += 1;
      if (failuresInARow >= 3) {
        for (const waiting of queue.splice(0)) waiting.reject(new Error(`Handout workers cannot start: ${String(error)}`));
        if (idle.length === 0 && busy.size === 0) closed = true;
        return;
      }
      if (!closed) start();
      pump();
    });
    idle.push(worker);
  };
  for (let i = 0; i < size; i += 1) start();

  /** The language each worker last typeset: its shaping caches are warm for it. */
  const lastLanguage = new Map<Worker, string>();

  function pump(): void {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      // Prefer a job in the language this worker already knows: shaping a word the first time costs about a
      // millisecond (Arabic), so a batch in three languages runs faster when each worker keeps to its own.
      const known = lastLanguage.get(worker);
      const index = Math.max(
        0,
        queue.findIndex((pending) => pending.job.request.language === known),
      );
      const [pending] = queue.splice(index, 1);
      lastLanguage.set(worker, pending!.job.request.language);
      busy.set(worker, pending!);
      worker.postMessage(pending!.job);
    }
  }

  return {
    make(input, request) {
      if (closed) return Promise.reject(new Error('The handout pool is closed.'));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ job: { id: nextId++, input, request }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
}
