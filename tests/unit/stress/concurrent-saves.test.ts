// Several processes saving the same patients and plans through the services at once (bench/concurrency): nothing
// answered as saved is lost, nothing is torn, every refusal is a conflict, and the audit chain holds. On the
// SQLite file here; the clinic server's run is in the PostgreSQL suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSaves, createSharedPatients, runConcurrentSaves } from '../../../bench/concurrency/concurrent-saves';
import { openServices } from '../../../src/main/services/open-services';
import { TEST_KEY } from '../../support/test-key';

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('concurrent saves on the SQLite file', () => {
  it('8 writers on the same 20 patients and plans for 20 s: 0 saves lost, 0 torn, every refusal a conflict, the chain verifies', async () => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-concurrency-'));
    const result = await runConcurrentSaves({
      databasePath: join(folder, 'clinicdesk.sqlite'),
      key: TEST_KEY,
      writers: 8,
      patients: 20,
      seconds: 20,
    });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ lost: 0, torn: 0, failed: 0, chainBroken: false });
    // The writers did race: saves went through and some were refused as conflicts.
    expect(result.saved).toBeGreaterThan(100);
    expect(result.conflicts).toBeGreaterThan(0);
  }, 180_000);

  it('its check sees a save that was overwritten, a torn search text and a broken chain (so a clean result means something)', async () => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-concurrency-'));
    const databasePath = join(folder, 'clinicdesk.sqlite');
    const [first, second] = await createSharedPatients({ databasePath, key: TEST_KEY, patients: 2 });
    const services = openServices({ databasePath, key: TEST_KEY });
    try {
      const db = services.context.db;
      // A save told "version 2, marker a" that another writer overwrote without a conflict.
      db.prepare("UPDATE patients SET version = 2, stay_address = 'b' WHERE id = ?").run(first);
      db.prepare("UPDATE patient_search_text SET haystack = 'torn' WHERE seq = (SELECT seq FROM patients WHERE id = ?)").run(second);
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
      db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1").run();
    } finally {
      await services.close();
    }
    const problems: string[] = [];
    const found = await checkSaves(
      { databasePath, key: TEST_KEY },
      [first!, second!],
      [{ kind: 'patient', id: first!, version: 2, marker: 'a' }],
      problems,
    );
    expect(found).toEqual({ lost: 1, torn: 1, chainBroken: true });
    expect(problems.join('\n')).toContain(`patient ${first}: holds b, the last save reported a`);
  });
});
