// The CLI and the preview refuse a Node older than 22.12 with a sentence, before the database driver (which would
// crash the process) is loaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionRefusal } from '../../../src/main/doors/node-version';
import { buildIfStale } from '../../support/built-entries';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('the Node version check', () => {
  it('takes 22.12 and newer, refuses older ones with what to do', () => {
    for (const ok of ['v22.12.0', 'v22.23.3', 'v23.0.0', 'v24.1.0']) expect(nodeVersionRefusal(ok), ok).toBeNull();
    for (const old of ['v20.20.2', 'v22.11.9', 'v18.0.0']) {
      expect(nodeVersionRefusal(old), old).toMatch(/needs Node 22\.12 or newer; this is Node \d+\.\d+\.\d+\. Install Node 22/);
    }
  });

  it('runs first in both entry points, before the door is imported', () => {
    for (const [entry, door] of [
      ['src/main/doors/cli-main.ts', './cli'],
      ['src/main/doors/preview-entry.ts', './preview-main'],
    ] as const) {
      const text = spawnSync('cat', [join(ROOT, entry)], { encoding: 'utf8' }).stdout;
      expect(text.indexOf('nodeVersionRefusal(process.version)'), entry).toBeGreaterThan(0);
      expect(text).toContain(`await import('${door}')`);
      expect(text.indexOf('nodeVersionRefusal(process.version)')).toBeLessThan(text.indexOf(`await import('${door}')`));
      // No static import of the door (it would load the database driver before the check).
      expect(text).not.toMatch(new RegExp(`^import .* from '${door.replace('.', '\\.')}';`, 'm'));
    }
  });

  // The machines ship Node 20 at /usr/bin/node: run the real CLI entry with it, as a user with the old Node would.
  const oldNode = '/usr/bin/node';
  const oldVersion = existsSync(oldNode) ? spawnSync(oldNode, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  it.runIf(oldVersion !== '' && nodeVersionRefusal(oldVersion) !== null)('the CLI under the machine’s old Node says so and exits 2', () => {
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = spawnSync(oldNode, [tsx, join(ROOT, 'src/main/doors/cli-main.ts'), 'info'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ClinicDesk needs Node 22.12 or newer');
    expect(run.signal).toBeNull();
  });

  // The bundle keeps the check first only because it is split at the entry's dynamic import (fresh-build.mjs).
  it.runIf(oldVersion !== '' && nodeVersionRefusal(oldVersion) !== null)(
    'the built CLI (npm run cli) under the old Node says so too',
    () => {
      // Built with this Node; the old one only runs it.
      buildIfStale('node');
      const run = spawnSync(oldNode, [join(ROOT, 'scripts', 'cli.mjs'), 'info'], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('ClinicDesk needs Node 22.12 or newer');
      expect(run.signal).toBeNull();
    },
    120_000,
  );
});
