// A restore must not replace the files under a running door: the preview, a real second process, holds the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner } from '../../support/cli-runner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureIntake, openTempServices, type TempServices } from '../../support/temp-services';
import { writeTestKeyFile } from '../../support/test-key';

const ROOT = join(import.meta.dirname, '..', '..', '..');

let services: TempServices;
let keyFile: string;
let backupFile: string;
let preview: ChildProcess | undefined;
beforeEach(async () => {
  services = openTempServices();
  keyFile = writeTestKeyFile(services.folder);
  await services.dispatch('createPatient', { patient: fixtureIntake('ko') });
  expect((await cli('backup', '--out', join(services.folder, 'backups'))).code).toBe(0);
  backupFile = join(
    services.folder,
    'backups',
    readdirSync(join(services.folder, 'backups')).find((name) => name.endsWith('.cdbackup'))!,
  );
  await services.dispatch('createPatient', { patient: fixtureIntake('ja') });
  services.close();
});
afterEach(() => {
  preview?.kill('SIGKILL');
  services.dispose();
});

const databasePath = () => join(services.folder, 'clinicdesk.sqlite');

const cli = cliRunner(() => ['--db', databasePath(), '--key-file', keyFile]);

/** The database's files and their bytes (not the -shm index, which readers touch). */
function databaseState(): string {
  return readdirSync(services.folder)
    .filter((name) => name.startsWith('clinicdesk.sqlite') && !name.endsWith('-shm') && statSync(join(services.folder, name)).isFile())
    .sort()
    .map(
      (name) =>
        `${name} ${createHash('sha256')
          .update(readFileSync(join(services.folder, name)))
          .digest('hex')}`,
    )
    .join('\n');
}

/** The preview door as `npm run preview` starts it, resolved once it listens. */
function startPreview(): Promise<ChildProcess> {
  // node with tsx's loader rather than the tsx wrapper, so the pid killed is the pid registered.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/doors/preview-main.ts', '--db', databasePath(), '--key-file', keyFile, '--port', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('ClinicDesk preview: http')) resolve(child);
    });
    child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the preview exited (${code}): ${printed}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));

describe('restore while a door has the database', () => {
  it('is refused while the preview runs, naming it, and changes nothing; works once the preview is killed', async () => {
    preview = await startPreview();
    const before = databaseState();

    const refused = await cli('restore', backupFile);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(new RegExp(`Cannot restore a backup: .*in use by the preview \\(pid ${preview.pid}.*Nothing was changed`));
    expect(databaseState()).toBe(before);
    expect(readdirSync(services.folder).filter((name) => /restor/.test(name))).toEqual([]);
    // Reads and backups share the database with the running preview.
    expect((await cli('info', '--json')).code).toBe(0);

    // SIGKILL: no clean close, so the preview's registration stays behind, stale.
    const gone = exited(preview);
    preview.kill('SIGKILL');
    await gone;
    const restored = await cli('restore', backupFile);
    expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('Restored the backup') });
    expect(JSON.parse((await cli('info', '--json')).out)).toMatchObject({ patientCount: 1 });
  }, 60_000);

  it('works after the preview is stopped cleanly', async () => {
    preview = await startPreview();
    const gone = exited(preview);
    preview.kill('SIGTERM');
    await gone;
    expect(readdirSync(`${databasePath()}.holders`)).toEqual([]);
    expect((await cli('restore', backupFile)).code).toBe(0);
  }, 60_000);
});
