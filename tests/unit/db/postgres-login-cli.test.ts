// `server add-login` and `--login-file` in the CLI, on a real throwaway PostgreSQL: the admin makes a profile's login
// into a sealed file (0600) and the password is printed nowhere; that PC's CLI then opens the server as that login,
// and the file does not open under another clinic key.
import { readFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readServerLoginFile } from '../../../src/main/security/server-login-file';
import { newDatabaseKey } from '../../../src/main/security/database-key';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { cliRunner } from '../../support/cli-runner';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, valueOf } from '../../support/temp-services';
import { TEST_KEY, writeTestKeyFile } from '../../support/test-key';

const postgres = usePostgres();

describe.skipIf(!postgres.available)(postgres.title('database logins from the CLI'), () => {
  let folder: string;
  let url: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-login-cli-'));
    // The CLI's data folder (photos, anchors, logs) for a server: kept in the test's folder.
    vi.stubEnv('XDG_CONFIG_HOME', join(folder, 'config'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes the login sealed into a private file, prints no password, and opens the server as that login', async () => {
    url = await postgres.createDatabase();
    const setup = await openServerServices({ url, dataFolder: join(folder, 'admin'), key: TEST_KEY, now: () => FIXED_NOW });
    const profile = valueOf(await setup.dispatch('addCoordinator', { name: 'Park Ji-won', pin: '482913' }));
    await setup.close();
    const keyFile = writeTestKeyFile(folder);
    const asOwner = cliRunner(() => ['--db', url, '--key-file', keyFile]);
    const file = join(folder, 'park.login');

    const made = await asOwner('server', 'add-login', profile.id, '--out', file);
    expect(made).toMatchObject({ code: 0, err: '' });
    const login = readServerLoginFile(file, TEST_KEY);
    expect(made.out).toContain(login.user);
    expect(made.out).not.toContain(login.password);
    expect(readFileSync(file, 'utf8')).not.toContain(login.password);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(() => readServerLoginFile(file, newDatabaseKey())).toThrow(/does not open with this clinic key/);

    // The PC's URL names the server alone: the login comes from the file, or there is none.
    const bare = new URL(url);
    bare.username = '';
    bare.password = '';
    const asPark = cliRunner(() => ['--db', bare.toString(), '--key-file', keyFile, '--login-file', file]);
    const listed = await asPark('coordinators', 'list');
    expect(listed).toMatchObject({ code: 0, out: `${profile.id}  Park Ji-won  (admin)` });
    const withoutLogin = await cliRunner(() => ['--db', bare.toString(), '--key-file', keyFile])('coordinators', 'list');
    expect(withoutLogin).toMatchObject({ code: 2, err: expect.stringContaining('could not be opened') });
    // A second login for the same profile is refused, beside the id.
    expect(await asOwner('server', 'add-login', profile.id, '--out', join(folder, 'again.login'))).toMatchObject({ code: 2 });
    expect(await asOwner('server', 'add-login', 'not-an-id', '--out', join(folder, 'x.login'))).toMatchObject({ code: 2 });
  }, 120_000);
});
