// The scheduled backup off the thread that serves the window: with offThreadJobs, the quick check, the snapshot and
// the sealing run in a worker thread on its own read-only connection; the backup is whole (a restore reads it back
// with its patient), and logged in the audit log as before. Slow (tests/slow-suites.ts): the worker compiles first.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_ENTRY } from '../../../src/main/backup/backup-contents';
import { readBackup } from '../../../src/main/backup/backup-file';
import { runOffThread } from '../../../src/main/jobs/run-off-thread';
import { deriveKey, KEY_PURPOSES } from '../../../src/main/security/database-key';
import { openServices, photoRootOf } from '../../../src/main/services/open-services';
import { backupSettingsSchema } from '../../../src/shared/domain/settings/clinic-settings';
import { fixtureIntake } from '../../support/temp-services';
import { openTestDatabase, TEST_KEY } from '../../support/test-key';

let folder: string;
let databasePath: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-off-thread-backup-'));
  databasePath = join(folder, 'clinicdesk.sqlite');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the scheduled backup off the main thread', () => {
  it('is made on another thread, whole, and logged in the audit log', async () => {
    const services = openServices({ databasePath, key: TEST_KEY, offThreadJobs: true });
    try {
      const created = await services.dispatch('createPatient', { patient: fixtureIntake('ja') });
      expect(created.ok).toBe(true);
      const outDir = join(folder, 'direct');
      const settings = { ...backupSettingsSchema.parse(undefined), folder: outDir };
      const direct = await runOffThread({
        kind: 'backup',
        databasePath,
        photoRoot: photoRootOf(databasePath),
        keyHex: TEST_KEY.toString('hex'),
        settings,
        now: new Date().toISOString(),
      });
      expect(direct).toMatchObject({ ok: true, value: { made: true } });
      if (direct.ok) expect(direct.value.threadId).not.toBe(threadId);

      const scheduled = await services.runScheduledBackup(new Date());
      expect(scheduled.made).toBe(true);
      if (!scheduled.made) return;
      const entries = readBackup(deriveKey(TEST_KEY, KEY_PURPOSES.backups), scheduled.file, readFileSync(scheduled.file));
      const database = entries.find((entry) => entry.name === DATABASE_ENTRY);
      expect(database).toBeDefined();
      const copy = join(folder, 'copy.sqlite');
      writeFileSync(copy, database!.data);
      const handle = openTestDatabase(copy, { readonly: true });
      expect(handle.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
      handle.close();
    } finally {
      await services.close();
    }
    const handle = openTestDatabase(databasePath, { readonly: true });
    expect(handle.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup'").get()).toEqual({ n: 1 });
    handle.close();
    expect(readdirSync(join(folder, 'direct')).filter((name) => name.endsWith('.cdbackup'))).toHaveLength(1);
  }, 240_000);
});
