// How long the built doors take to start, as `npm run cli` and `npm run preview` run them (the launchers in scripts/,
// without npm's own start, which is npm's): the CLI's `info` on an existing database, and the preview from its
// spawn to the answer to its first request (the one-time URL it printed). The floor is a bare `node -e ''`, sampled
// between them, so the figures read as ratios of what starting any Node process costs on the machine.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inTurns, type Emit } from './measure';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 9;

const median = (samples: readonly number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

function timeNode(args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

/** From the spawn to the answer to the one-time URL the preview printed; the preview is then stopped. */
async function timePreview(args: readonly string[]): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'preview.mjs'), ...args, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        out += text;
        const found = /ClinicDesk preview: (http:\/\/\S+)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`the preview stopped (exit ${code}):\n${out}\n${errors}`)));
    });
    const answer = await fetch(url, { redirect: 'manual' });
    const elapsed = performance.now() - start;
    if (answer.status !== 303) throw new Error(`the preview answered its one-time URL with ${answer.status}`);
    return elapsed;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/**
 * cliDatabase: an existing database (the bench's); previewDatabase: one the preview may keep to itself (its first
 * start on a database makes the day's backup, which the warm-up run takes). Both open with keyFile.
 */
export async function benchStartTimes(
  emit: Emit,
  progress: (text: string) => void,
  { cliDatabase, previewDatabase, keyFile }: { cliDatabase: string; previewDatabase: string; keyFile: string },
): Promise<void> {
  progress('building the CLI, the preview server and the renderer if stale...');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'fresh-build.mjs'), 'node', 'renderer', '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);

  const cli = ['scripts/cli.mjs', '--db', cliDatabase, '--key-file', keyFile, 'info'];
  const floor = ['-e', ''];
  progress('starting the CLI...');
  // Warm-up: the first run after a build fills V8's compile cache (out/.compile-cache) and the OS's file cache.
  timeNode(cli);
  timeNode(floor);
  const cliTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await inTurns(
      i,
      () => cliTimes.push(timeNode(cli)),
      () => floorTimes.push(timeNode(floor)),
    );
  }

  progress('starting the preview...');
  const preview = ['--db', previewDatabase, '--key-file', keyFile];
  await timePreview(preview);
  const previewTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    previewTimes.push(await timePreview(preview));
    floorTimes.push(timeNode(floor));
  }

  const nodeFloor = median(floorTimes);
  emit('node_start_floor_ms', nodeFloor, 'ms');
  emit('cli_start_ms', median(cliTimes), 'ms');
  emit('cli_start_vs_node_floor_ratio', median(cliTimes) / nodeFloor, 'ratio');
  emit('preview_start_ms', median(previewTimes), 'ms');
  emit('preview_start_vs_node_floor_ratio', median(previewTimes) / nodeFloor, 'ratio');
}
