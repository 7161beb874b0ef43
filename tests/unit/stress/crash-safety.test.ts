// The crash-safety harness of `npm run stress` (200 kills), with a few kills so every test run covers it.
import { describe, expect, it } from 'vitest';
import { runStress } from '../../../bench/stress/harness';

describe('crash safety', () => {
  it('a writer killed with SIGKILL mid-write loses no committed row and leaves no half transaction', async () => {
    const result = await runStress({ kills: 5 });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ kills: 5, committedRowsLost: 0, integrityFailures: 0, halfWrittenTransactions: 0 });
    // The kills landed while the writer was writing, not before it started.
    expect(result.committedPatients).toBeGreaterThan(0);
  }, 120_000);
});
