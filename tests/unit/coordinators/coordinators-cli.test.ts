// The CLI's way back in when a coordinator forgot their PIN: it holds the database key, so it may set a new PIN
// without the old one; a bad PIN or an unknown profile changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { openServices } from '../../../src/main/services/open-services';
import type { Dispatch } from '../../../src/main/services/dispatch';
import { TEST_KEY, writeTestKeyFile } from '../../support/test-key';

let folder: string;
let db: string;
let keyFile: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-coordinators-cli-'));
  db = join(folder, 'clinicdesk.sqlite');
  keyFile = writeTestKeyFile(folder);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, '--key-file', keyFile, ...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withServices<T>(use: (dispatch: Dispatch) => Promise<T>): Promise<T> {
  const services = openServices({ databasePath: db, key: TEST_KEY, requireSignIn: true });
  try {
    return await use(services.dispatch);
  } finally {
    services.close();
  }
}

describe('coordinators in the CLI', () => {
  it('lists the profiles and sets a forgotten PIN anew; a bad PIN or id changes nothing', async () => {
    expect(await cli('coordinators', 'list')).toMatchObject({ code: 0, out: 'No coordinator profiles.' });
    const park = await withServices(async (dispatch) => {
      const added = await dispatch('addCoordinator', { name: 'Park Ji-won', pin: '111111' });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      return added.value;
    });
    expect(await cli('coordinators', 'list')).toMatchObject({ code: 0, out: `${park.id}  Park Ji-won  (admin)` });

    expect(await cli('coordinators', 'reset-pin', park.id, '--pin', '12')).toMatchObject({ code: 2 });
    // A new PIN needs 6 digits, from the CLI too.
    expect(await cli('coordinators', 'reset-pin', park.id, '--pin', '2468')).toMatchObject({
      code: 2,
      err: expect.stringContaining('6 to 8 digits'),
    });
    expect(await cli('coordinators', 'reset-pin', '7c9e6679-7425-40de-944b-e07fc1f90ae7', '--pin', '246813')).toMatchObject({ code: 2 });
    expect(await cli('coordinators', 'reset-pin', park.id)).toMatchObject({ code: 2 });
    await withServices(async (dispatch) => expect((await dispatch('signIn', { coordinatorId: park.id, pin: '111111' })).ok).toBe(true));

    expect(await cli('coordinators', 'reset-pin', park.id, '--pin', '246813')).toMatchObject({
      code: 0,
      out: 'New PIN set for Park Ji-won.',
    });
    await withServices(async (dispatch) => {
      expect((await dispatch('signIn', { coordinatorId: park.id, pin: '111111' })).ok).toBe(false);
      expect((await dispatch('signIn', { coordinatorId: park.id, pin: '246813' })).ok).toBe(true);
    });
  });
});
