// What every part of the bench measures with: the figure printed, percentiles, one timed run, and two runs taken in
// turns (which goes first alternates, so neither always runs right after the other has warmed, or dirtied, a cache).
import { performance } from 'node:perf_hooks';

/** Prints one figure as a JSON line on stdout. */
export type Emit = (name: string, value: number, unit: string) => void;

/** The p-th percentile (nearest rank) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** How long one run took, in milliseconds. */
export async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** How long one run took, in milliseconds of wall time and of this process's CPU time (user and system). */
export async function timeAndCpu(run: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** `first` then `second` on an even turn, the other way round on an odd one. */
export async function inTurns(turn: number, first: () => unknown, second: () => unknown): Promise<void> {
  if (turn % 2 === 0) {
    await first();
    await second();
  } else {
    await second();
    await first();
  }
}
