// The daily backup's timer in the doors: a check at start and every hour, and a failing backup never stops the app.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScheduledBackup } from '../../../src/main/backup/automatic-backups';
import { DatabaseDamagedError } from '../../../src/main/db/database-damage';
import { BACKUP_CHECK_INTERVAL_MS, startBackupTimer } from '../../../src/main/doors/backup-timer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the backup timer', () => {
  it('checks at start and every hour until stopped, and logs a failure without throwing', async () => {
    const results: (ScheduledBackup | Error)[] = [
      { made: true, file: '/b/clinicdesk-1.cdbackup', removed: [] },
      { made: false, reason: 'recent', newest: null },
      new Error('disk full'),
    ];
    const calls: Date[] = [];
    const purges: Date[] = [];
    const anchors: Date[] = [];
    const logged: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stop = startBackupTimer(
      {
        async runScheduledBackup(now) {
          calls.push(now);
          const next = results.shift()!;
          if (next instanceof Error) throw next;
          return next;
        },
        async anchorAuditLog(now) {
          anchors.push(now);
          if (anchors.length === 2) return { written: false, reason: 'cut_tail' };
          return anchors.length === 1
            ? {
                written: true,
                anchor: { count: 4, head: 'a'.repeat(64), at: now.toISOString(), mac: 'b'.repeat(64) },
                code: '4-ABCD-EFGH-JKMN',
              }
            : { written: false, reason: 'recent' };
        },
        async purgeExpiredRecords(now) {
          purges.push(now);
          return { erased: purges.length === 2 ? ['3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f'] : [] };
        },
      },
      (message) => logged.push(message),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(logged).toEqual([
      'ClinicDesk: automatic backup written: /b/clinicdesk-1.cdbackup',
      'ClinicDesk: audit log anchored at 4 entries (code 4-ABCD-EFGH-JKMN)',
    ]);
    await vi.advanceTimersByTimeAsync(BACKUP_CHECK_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(BACKUP_CHECK_INTERVAL_MS);
    expect(calls).toHaveLength(3);
    // Records past their retention are looked for at every check too, even after a failed backup.
    expect(purges).toHaveLength(3);
    // The daily anchor too, even after a failed backup; a refused one (the log no longer matches) is an error.
    expect(anchors).toHaveLength(3);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('not anchored: cut_tail'));
    expect(logged).toContain('ClinicDesk: 1 record(s) destroyed at the end of their retention');
    expect(errors).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(5 * BACKUP_CHECK_INTERVAL_MS);
    expect(calls).toHaveLength(3);
    errors.mockRestore();
  });

  it('says a damaged database as its message, naming the backup to restore, without a stack trace', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stop = startBackupTimer(
      {
        async runScheduledBackup() {
          throw new DatabaseDamagedError(
            '/d/clinicdesk.sqlite',
            'PRAGMA quick_check before the backup found x; no backup was made',
            '/b/clinicdesk-1.cdbackup',
          );
        },
        anchorAuditLog: async () => ({ written: false, reason: 'recent' }),
        purgeExpiredRecords: async () => ({ erased: [] }),
      },
      () => {},
    );
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(errors.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^ClinicDesk: the automatic backup was not made\. The database .* is damaged: .*restore the newest backup, \/b\/clinicdesk-1\.cdbackup/,
        ),
      ],
    ]);
    errors.mockRestore();
  });
});
