// Receipt numbers under concurrent saves: several processes, each its own door and connection, record payments at
// once on one SQLite file, then on one PostgreSQL server. Every receipt number answered is given once, the numbers
// run 1..N with no gap, and the refused saves among them took none.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedPatients, openFor } from '../../../bench/concurrency/concurrent-saves';
import { CLINIC_TIME_ZONE, todayIn } from '../../../src/shared/domain/intake/calendar-date';
import { parseReceiptNumber } from '../../../src/shared/domain/payments/receipt-number';
import { usePostgres } from '../../support/postgres/use-postgres';
import { TEST_KEY } from '../../support/test-key';

const WRITER = join(import.meta.dirname, '..', '..', 'support', 'payments', 'receipt-writer.ts');
const ROOT = join(import.meta.dirname, '..', '..', '..');
const WRITERS = 6;
const EACH = 16;

function runWriter(database: string, ids: readonly string[], from: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
      cwd: ROOT,
      env: {
        ...process.env,
        CLINICDESK_DB: database,
        CLINICDESK_KEY: TEST_KEY.toString('hex'),
        CLINICDESK_IDS: ids.join(','),
        CLINICDESK_COUNT: String(EACH),
        CLINICDESK_FROM: String(from),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`writer exited with ${code}: ${errors.slice(-2000)}`)),
    );
  });
}

async function checkReceipts(database: string): Promise<void> {
  const ids = await createSharedPatients({ databasePath: database, key: TEST_KEY, patients: 3 });
  const from = Date.now() + 3000 + WRITERS * 700;
  const lines = (await Promise.all(Array.from({ length: WRITERS }, () => runWriter(database, ids, from)))).flat();
  expect(lines.filter((line) => line.startsWith('failed'))).toEqual([]);
  const numbers = lines.filter((line) => line.startsWith('receipt ')).map((line) => parseReceiptNumber(line.slice('receipt '.length))!);
  const refused = lines.filter((line) => line.startsWith('refused '));
  // Each writer's every fourth save is an over-refund, refused: they took no number.
  expect(refused).toHaveLength(WRITERS * (EACH / 4));
  expect(new Set(refused)).toEqual(new Set(['refused refund_exceeds_paid']));
  const year = Number(todayIn(CLINIC_TIME_ZONE, new Date()).slice(0, 4));
  expect(numbers.every((number) => number.branch === 'main' && number.year === year)).toBe(true);
  const told = numbers.map((number) => number.sequence).sort((a, b) => a - b);
  const expected = Array.from({ length: WRITERS * EACH - refused.length }, (_, index) => index + 1);
  // Given once each, 1..N with no gap: what the writers were told, and what the database holds.
  expect(told).toEqual(expected);
  const services = await openFor(database, TEST_KEY, 'receipt check');
  try {
    expect(await services.context.store.read((tx) => tx.payments.receiptNumbers('main', year))).toEqual(expected);
  } finally {
    await services.close();
  }
}

let folder: string | null = null;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

describe('receipt numbers under concurrent saves', () => {
  it(`on the SQLite file: ${WRITERS} processes, no number twice, no gap, none for a refused save`, async () => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-receipts-'));
    await checkReceipts(join(folder, 'clinicdesk.sqlite'));
  }, 180_000);
});

const postgres = usePostgres();

describe.skipIf(!postgres.available)(postgres.title('receipt numbers under concurrent saves on the clinic server'), () => {
  it(`on PostgreSQL: ${WRITERS} processes, no number twice, no gap, none for a refused save`, async () => {
    await checkReceipts(await postgres.createDatabase());
  }, 240_000);
});
