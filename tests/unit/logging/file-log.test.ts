// The log on disk: JSON lines, private files, and a bounded size whatever is written into it.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fail } from '../../../src/shared/contract';
import { logFileName, logFilesIn, openFileLog } from '../../../src/main/logging/file-log';

const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-log-'));
  folders.push(folder);
  return join(folder, 'clinicdesk-logs');
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the log files', () => {
  it('rotate by size and keep at most N files, the newest entries in the file being written', async () => {
    const folder = tempFolder();
    const log = openFileLog({ folder, door: 'desktop app', maxFiles: 3, maxFileBytes: 4096 });
    for (let n = 0; n < 400; n += 1) {
      log.refused({ channel: 'getPatient', correlationId: `0000${String(n).padStart(4, '0')}` }, fail('not_found', 'No patient.').error, n);
    }
    await log.close();
    const names = readdirSync(folder).sort();
    expect(names).toEqual(['desktop-app.1.log', 'desktop-app.2.log', 'desktop-app.log']);
    expect(logFilesIn(folder)).toHaveLength(3);
    for (const name of names) {
      // A file passes its size by at most the one line that crossed it.
      expect(statSync(join(folder, name)).size).toBeLessThan(4096 + 400);
      if (process.platform !== 'win32') expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
    }
    const newest = lines(join(folder, logFileName('desktop app', null)));
    expect(newest.at(-1)).toMatchObject({
      level: 'info',
      event: 'call_refused',
      channel: 'getPatient',
      correlationId: '00000399',
      code: 'not_found',
      door: 'desktop app',
    });
    expect(typeof newest.at(-1)!.time).toBe('string');
    // The oldest entries went with the files rotated away.
    const kept = names.flatMap((name) => lines(join(folder, name))).map((line) => line.correlationId);
    expect(kept).not.toContain('00000000');
  });

  it('flushes on demand, and a second door writes its own files beside the first', async () => {
    const folder = tempFolder();
    const app = openFileLog({ folder, door: 'desktop app' });
    const cli = openFileLog({ folder, door: 'command line' });
    app.failed({ channel: 'savePatientPlan', correlationId: 'ABCDEFGH' }, new Error("constraint failed: 'Wang'"), 3);
    await app.flush();
    expect(lines(join(folder, 'desktop-app.log'))).toEqual([
      expect.objectContaining({
        level: 'error',
        event: 'call_failed',
        channel: 'savePatientPlan',
        error: expect.objectContaining({ class: 'Error', message: 'constraint failed: ?' }),
      }),
    ]);
    cli.diagnosticsSaved({ files: 2, bytes: 100 });
    await Promise.all([app.close(), cli.close()]);
    expect(readdirSync(folder).sort()).toEqual(['command-line.log', 'desktop-app.log']);
    // Nothing is written after close, and closing twice is harmless.
    app.diagnosticsSaved({ files: 1, bytes: 1 });
    await app.close();
    expect(lines(join(folder, 'desktop-app.log'))).toHaveLength(1);
  });
});
