// The built entry points as npm runs them (`npm run cli`, `npm run preview`): each launcher first rebuilds what a
// changed source made stale (scripts/fresh-build.mjs, one build at a time across processes), so a test of them
// needs no build beforehand, and a fresh clone's `npm run test:unit` none either.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Builds out/node (the CLI and the preview server) or out/preview (the renderer) when missing or stale. */
export function buildIfStale(...names: readonly ('node' | 'renderer')[]): void {
  // Piped, not inherited: a build's error then comes back in the thrown error, and an up-to-date one says nothing.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'fresh-build.mjs'), ...names, '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

/** `npm run cli -- ARGS` without npm: the launcher, in a process of its own. */
export function runBuiltCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface BuiltPreview {
  /** The one-time URL the preview printed. */
  readonly tokenUrl: string;
  stop(): Promise<void>;
}

/** `npm run preview -- ARGS` without npm, on a free port, once it has printed its URL. */
export async function startBuiltPreview(args: readonly string[]): Promise<BuiltPreview> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'preview.mjs'), ...args, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (printed += text));
  const tokenUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const url = /ClinicDesk preview: (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the preview stopped (exit ${code}) before printing its URL:\n${out}\n${printed}`)));
  });
  return {
    tokenUrl,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
