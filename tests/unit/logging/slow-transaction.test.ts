// A store transaction that holds the SQLite connection over 40 ms is logged with the call that ran it and the
// repository methods it called; a quick one is not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, type Handlers } from '../../../src/shared/contract';
import { memoryAppLog } from '../../../src/main/logging/app-log';
import { SLOW_TRANSACTION_MS } from '../../../src/main/db/store/sqlite-store';
import { createDispatch } from '../../../src/main/services/dispatch';
import { createHandlers } from '../../../src/main/services/handlers';
import { openServices, type OpenServices } from '../../../src/main/services/open-services';
import { TEST_KEY } from '../../support/test-key';

const log = memoryAppLog();
let folder: string;
let services: OpenServices;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-slow-'));
  services = openServices({ databasePath: join(folder, 'clinicdesk.sqlite'), key: TEST_KEY, appLog: log });
});
afterAll(async () => {
  await services.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('a slow transaction', () => {
  it('is logged with its channel, correlation id and repository methods; a quick one is not', async () => {
    const { context } = services;
    const handlers: Handlers = {
      ...createHandlers(context),
      // A save that holds its transaction open past the threshold (a large batch, a slow disk).
      seedDemoPatients: async () => {
        await context.store.transaction(async (tx) => {
          await tx.patients.count();
          await sleep(SLOW_TRANSACTION_MS + 20);
          await tx.plans.getSetting('clinic');
          await tx.patients.count();
        });
        return ok({ created: 0 });
      },
    };
    const dispatch = createDispatch(handlers, log);
    await dispatch('getAppInfo', {});
    expect(log.entries.filter(({ record }) => record.event === 'slow_transaction')).toEqual([]);

    await dispatch('seedDemoPatients', {});
    const slow = log.entries.filter(({ record }) => record.event === 'slow_transaction');
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({
      level: 'warn',
      record: { channel: 'seedDemoPatients', kind: 'write', calls: ['patients.count', 'plans.getSetting'], callCount: 3 },
    });
    expect((slow[0]!.record as { durationMs: number }).durationMs).toBeGreaterThan(SLOW_TRANSACTION_MS);
    expect((slow[0]!.record as { correlationId: string }).correlationId).toMatch(/^[0-9A-Z]{8}$/);

    // Outside any call (the daily timer's work): logged without a channel.
    await context.store.read(async (tx) => {
      await tx.patients.count();
      await sleep(SLOW_TRANSACTION_MS + 20);
    });
    expect(log.entries.at(-1)).toMatchObject({ record: { event: 'slow_transaction', kind: 'read', calls: ['patients.count'] } });
    expect(log.entries.at(-1)!.record).not.toHaveProperty('channel');
  });
});
