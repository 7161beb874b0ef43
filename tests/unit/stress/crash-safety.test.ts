// The crash-safety harness of `npm run stress` (200 kills), with a few kills so every test run covers it.
import { statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAfterCrash, runStress } from '../../../bench/stress/harness';
import { fixtureIntake, openTempServices, valueOf } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

describe('crash safety', () => {
  it('a writer killed with SIGKILL mid-write loses no committed row and leaves no half transaction', async () => {
    const result = await runStress({ kills: 5 });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ kills: 5, committedRowsLost: 0, integrityFailures: 0, halfWrittenTransactions: 0, damageReports: 0 });
    // The kills landed while the writer was writing, not before it started.
    expect(result.committedPatients).toBeGreaterThan(0);
  }, 120_000);

  it('its check sees a lost commit, a half-written patient and a damaged photo (so a clean result means something)', async () => {
    const services = openTempServices();
    try {
      const created = await services.dispatch('createPatient', { patient: fixtureIntake('en') });
      const { id } = valueOf(created);
      services.context.db.prepare('DELETE FROM patient_search_text').run();
      const path = join(services.folder, 'clinicdesk.sqlite');
      const result = await checkAfterCrash(path, TEST_KEY, {
        patients: [id, '00000000-0000-4000-8000-000000000001'],
        photos: [],
        checkpoints: 0,
      });
      expect(result).toMatchObject({ damaged: false, integrityOk: true, lost: 1, halfWritten: 1 });
    } finally {
      services.dispose();
    }
  });

  it('its check counts damage the open reports (so damage_reports 0 means something)', async () => {
    const services = openTempServices();
    try {
      const created = await services.dispatch('createPatient', { patient: fixtureIntake('en') });
      const { id } = valueOf(created);
      services.close();
      const path = join(services.folder, 'clinicdesk.sqlite');
      // Cut inside the last page: what a lost write at the end of the file leaves.
      truncateSync(path, statSync(path).size - 10);
      const result = await checkAfterCrash(path, TEST_KEY, { patients: [id], photos: [], checkpoints: 0 });
      expect(result).toMatchObject({ damaged: true, problems: [expect.stringMatching(/damage reported at open: .*cut short/)] });
    } finally {
      services.dispose();
    }
  });
});
