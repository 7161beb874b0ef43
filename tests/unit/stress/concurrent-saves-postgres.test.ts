// The concurrency check of concurrent-saves.test.ts on the clinic server: 8 processes, each its own door with its
// own connections, saving the same 20 patients and plans through the services on one PostgreSQL for 20 s.
import { describe, expect, it } from 'vitest';
import { runConcurrentSaves } from '../../../bench/concurrency/concurrent-saves';
import { usePostgres } from '../../support/postgres/use-postgres';
import { TEST_KEY } from '../../support/test-key';

const postgres = usePostgres();

describe.skipIf(!postgres.available)(postgres.title('concurrent saves on the clinic server'), () => {
  it('8 writers on the same 20 patients and plans for 20 s: 0 saves lost, 0 torn, every refusal a conflict, the chain verifies', async () => {
    const url = await postgres.createDatabase();
    const result = await runConcurrentSaves({ databasePath: url, key: TEST_KEY, writers: 8, patients: 20, seconds: 20 });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ lost: 0, torn: 0, failed: 0, chainBroken: false });
    expect(result.saved).toBeGreaterThan(100);
    expect(result.conflicts).toBeGreaterThan(0);
    console.log(`clinic server: ${result.saved} saves, ${result.conflicts} conflicts, ${result.savesPerSecond.toFixed(1)} saves/s`);
  }, 240_000);
});
