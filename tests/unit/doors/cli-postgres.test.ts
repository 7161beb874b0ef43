// The command line over the clinic server: `--db postgres://...` runs the same commands on PostgreSQL, and refuses
// what only the SQLite file has (a PC's backup and restore), with one line and nothing written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { usePostgres } from '../../support/postgres/use-postgres';
import { fixtureCase } from '../../support/temp-services';
import { writeTestKeyFile } from '../../support/test-key';

const postgres = usePostgres();
let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe.skipIf(!postgres.available)(postgres.title('the command line on the clinic server'), () => {
  it('imports a case file, lists it, and refuses a backup of the server from a PC', async () => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-cli-pg-'));
    const url = await postgres.createDatabase();
    const keyFile = writeTestKeyFile(folder);
    const file = join(folder, 'ko.json');
    writeFileSync(file, JSON.stringify(fixtureCase('ko')));
    // The PC's data folder (photos, anchors) inside the test's folder, not the user's.
    const previous = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = join(folder, 'config');
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--db', url, '--key-file', keyFile, ...args], {
        out: (text) => out.push(text),
        err: (text) => err.push(text),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    try {
      expect((await cli('patients', 'import', file)).code).toBe(0);
      const info = await cli('info', '--json');
      expect(info.code).toBe(0);
      expect(JSON.parse(info.out)).toMatchObject({ patientCount: 1 });
      const backup = await cli('backup', '--out', join(folder, 'b'));
      expect(backup).toMatchObject({ code: 2, out: '' });
      expect(backup.err).toContain('clinic server');
    } finally {
      if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = previous;
    }
  }, 60_000);

  it('says in one line, without the password, that a server it cannot reach was not opened', async () => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-cli-pg-'));
    const keyFile = writeTestKeyFile(folder);
    const out: string[] = [];
    const err: string[] = [];
    // Port 1 on loopback: nothing listens there.
    const code = await runCli(['--db', 'postgres://clinic:s3cret-password@127.0.0.1:1/clinic', '--key-file', keyFile, 'info'], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/^The clinic server 127\.0\.0\.1:1\/clinic could not be opened: .*Nothing was written/);
    expect(err.join('\n')).not.toContain('s3cret');
  });
});
