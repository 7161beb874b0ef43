// Payments and refunds by day and method: the pure summary of the store's sums, and `report payments` in the CLI
// over records made through the services on a real database file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { openServices } from '../../../src/main/services/open-services';
import { paymentsReport } from '../../../src/shared/domain/payments/payments-report';
import { fixtureIntake, valueOf } from '../../support/temp-services';
import { TEST_KEY, writeTestKeyFile } from '../../support/test-key';

describe('the payments report', () => {
  it('adds each day and method up: payments in, refunds out, corrections by the way they move the money', () => {
    const report = paymentsReport('2026-11-01', '2026-11-30', [
      { date: '2026-11-24', method: 'card', kind: 'payment', currency: 'KRW', direction: 1, count: 2, amountMinor: 700_000, krw: 700_000 },
      { date: '2026-11-24', method: 'card', kind: 'refund', currency: 'KRW', direction: -1, count: 1, amountMinor: 100_000, krw: 100_000 },
      {
        date: '2026-11-24',
        method: 'foreign_cash',
        kind: 'payment',
        currency: 'SAR',
        direction: 1,
        count: 1,
        amountMinor: 80_000,
        krw: 300_000,
      },
      {
        date: '2026-11-25',
        method: 'card',
        kind: 'correction',
        currency: 'KRW',
        direction: -1,
        count: 1,
        amountMinor: 200_000,
        krw: 200_000,
      },
      {
        date: '2026-11-25',
        method: 'card',
        kind: 'correction',
        currency: 'KRW',
        direction: 1,
        count: 1,
        amountMinor: 100_000,
        krw: 100_000,
      },
    ]);
    expect(report.days).toEqual([
      { date: '2026-11-24', method: 'card', inKrw: 700_000, outKrw: 100_000, correctedKrw: 0, netKrw: 600_000, records: 3 },
      { date: '2026-11-24', method: 'foreign_cash', inKrw: 300_000, outKrw: 0, correctedKrw: 0, netKrw: 300_000, records: 1 },
      { date: '2026-11-25', method: 'card', inKrw: 0, outKrw: 0, correctedKrw: -100_000, netKrw: -100_000, records: 2 },
    ]);
    expect(report.totals).toEqual({ inKrw: 1_000_000, outKrw: 100_000, correctedKrw: -100_000, netKrw: 800_000, records: 6 });
    expect(report.byCurrency).toEqual([
      { currency: 'KRW', netMinor: 500_000 },
      { currency: 'SAR', netMinor: 80_000 },
    ]);
  });
});

describe('report payments in the CLI', () => {
  let folder: string;
  let db: string;
  let keyFile: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'clinicdesk-payments-cli-'));
    db = join(folder, 'cli.sqlite');
    keyFile = writeTestKeyFile(folder);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--db', db, '--key-file', keyFile, ...args], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints each day and method, the totals and the net per currency, or JSON', async () => {
    const services = openServices({ databasePath: db, key: TEST_KEY, log: () => {} });
    try {
      const patientId = valueOf(await services.dispatch('createPatient', { patient: { ...fixtureIntake('ar'), homeCurrency: 'SAR' } })).id;
      const entry = { date: '2026-11-24', method: 'card' as const, currency: 'KRW' };
      const card = valueOf(await services.dispatch('recordPayment', { patientId, entry: { ...entry, kind: 'payment', amount: '500000' } }));
      valueOf(
        await services.dispatch('recordPayment', {
          patientId,
          entry: { ...entry, kind: 'refund', amount: '100000', refundOf: card.id, reason: 'cancelled' },
        }),
      );
      valueOf(
        await services.dispatch('recordPayment', {
          patientId,
          entry: {
            kind: 'payment',
            date: '2026-11-25',
            method: 'foreign_cash',
            currency: 'SAR',
            amount: '800.00',
            rate: { krwPerUnit: '375', date: '2026-11-24', source: 'KEB Hana Bank' },
          },
        }),
      );
      // Outside the range: not counted.
      valueOf(
        await services.dispatch('recordPayment', { patientId, entry: { ...entry, date: '2026-10-31', kind: 'deposit', amount: '50000' } }),
      );
    } finally {
      await services.close();
    }
    const printed = await cli('report', 'payments', '--from', '2026-11-01', '--to', '2026-11-30');
    expect(printed).toMatchObject({ code: 0, err: '' });
    expect(printed.out.split('\n')).toEqual([
      '2026-11-01 to 2026-11-30: 3 records',
      '2026-11-24  card           in 500000  refunded 100000  corrected 0  net 400000 KRW',
      '2026-11-25  foreign_cash   in 300000  refunded 0  corrected 0  net 300000 KRW',
      'total: in 800000, refunded 100000, corrected 0, net 700000 KRW',
      'net in KRW: 400000',
      'net in SAR: 800.00',
    ]);
    const json = await cli('report', 'payments', '--from', '2026-11-01', '--to', '2026-11-30', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ totals: { netKrw: 700_000, records: 3 } });
    expect(await cli('report', 'payments', '--from', '2026-11-01')).toMatchObject({
      code: 2,
      err: expect.stringContaining("'--to <date>'"),
    });
    expect(await cli('report', 'payments', '--from', '2026-11-30', '--to', '2026-11-01')).toMatchObject({ code: 2 });
  });
});
