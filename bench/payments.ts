// The payments report over a month of a busy clinic's year: `patients` patients with 300,000 payment records (3 per
// patient: deposits, payments, refunds, corrections; a fifth in another currency) spread over 2026, then the
// report of one month through the service (payments_report_month_ms) and the bare SQL it runs
// (payments_report_month_sql_floor_ms), taken in turns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPaymentsRepository } from '../src/main/db/repositories/payments-repository';
import { openServices } from '../src/main/services/open-services';
import { newDatabaseKey } from '../src/main/security/database-key';
import { moneyDirection, PAYMENT_METHODS, type PaymentKind, type PaymentRecord } from '../src/shared/domain/payments/payment-record';
import { inTurns, percentile, time, type Emit } from './measure';
import { seededRandom } from './seeded-random';

export const BENCH_PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 300_000);
const MONTH = { from: '2026-06-01', to: '2026-06-30' };
const FOREIGN = [
  { currency: 'USD', krwPerUnit: '1385.2', digits: 2 },
  { currency: 'CNY', krwPerUnit: '190.35', digits: 2 },
  { currency: 'SAR', krwPerUnit: '369.1', digits: 2 },
  { currency: 'JPY', krwPerUnit: '9.05', digits: 0 },
];

export async function benchPayments(emit: Emit, progress: (text: string) => void, patients: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-payments-'));
  const services = openServices({ databasePath: join(folder, 'bench.sqlite'), key: newDatabaseKey(), log: () => {} });
  try {
    const db = services.context.db;
    const random = seededRandom(20_260_601);
    progress(`payments: ${patients} patients, ${BENCH_PAYMENTS} payment records...`);
    // The patients' rows alone: the report reads no patient column, but every payment names its patient.
    const insertPatient = db.prepare(`INSERT INTO patients (seq, id, native_name, latin_name, birth_date, sex, nationality, languages_json,
      home_time_zone, home_currency, arrival, departure, screening_json, created_at, updated_at)
      VALUES (?, ?, 'n', 'l', '1990-01-01', 'female', 'CN', '["zh-Hans"]', 'Asia/Shanghai', 'CNY', '2026-01-01', '2026-01-10', '{}', 'x', 'x')`);
    const payments = createPaymentsRepository(db);
    db.transaction(() => {
      for (let seq = 1; seq <= patients; seq++) insertPatient.run(seq, `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`);
      const paid: { seq: number; record: PaymentRecord }[] = [];
      for (let n = 1; n <= BENCH_PAYMENTS; n++) {
        const seq = 1 + Math.floor(random() * patients);
        const roll = random();
        const linked = paid.length > 0 && roll >= 0.93 ? paid[Math.floor(random() * paid.length)]! : null;
        const kind: PaymentKind = linked ? (roll >= 0.98 ? 'correction' : 'refund') : roll < 0.1 ? 'deposit' : 'payment';
        const foreign = !linked && random() < 0.2 ? FOREIGN[Math.floor(random() * FOREIGN.length)]! : null;
        const amountMinor = linked
          ? linked.record.amountMinor
          : foreign
            ? Math.round((50 + random() * 5000) * 10 ** foreign.digits)
            : 10_000 * (5 + Math.floor(random() * 300));
        const krw = linked
          ? linked.record.krw
          : foreign
            ? Math.max(1, Math.round((amountMinor / 10 ** foreign.digits) * Number(foreign.krwPerUnit)))
            : amountMinor;
        const date = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
        const record: Omit<PaymentRecord, 'receiptNumber'> = {
          id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
          kind,
          date,
          method: linked ? linked.record.method : foreign ? 'foreign_cash' : PAYMENT_METHODS[Math.floor(random() * 3)]!,
          currency: linked ? linked.record.currency : (foreign?.currency ?? 'KRW'),
          amountMinor,
          krw,
          rate: linked ? linked.record.rate : foreign ? { krwPerUnit: foreign.krwPerUnit, date, source: 'bench' } : null,
          takenBy: 'bench',
          quoteVersion: null,
          lines: [{ service: 'medical', treatment: null, krw }],
          linkedTo: linked?.record.id ?? null,
          reason: linked ? 'bench' : '',
          recordedAt: `${date}T03:00:00.000Z`,
        };
        payments.add(linked?.seq ?? seq, record, moneyDirection(kind, linked?.record.kind ?? null), {
          branch: 'main',
          year: 2026,
          sequence: n,
        });
        if (kind === 'deposit' || kind === 'payment') paid.push({ seq, record: { ...record, receiptNumber: '' } });
      }
    })();

    const report = () => services.dispatch('getPaymentsReport', MONTH);
    const floorStatement = db.prepare(
      `SELECT date, method, kind, currency, direction, count(*) AS count, sum(amount_minor) AS amountMinor, sum(krw) AS krw
       FROM payments WHERE date BETWEEN ? AND ? GROUP BY date, method, kind, currency, direction ORDER BY date, method, kind, currency, direction`,
    );
    const floor = () => floorStatement.all(MONTH.from, MONTH.to);
    const check = await report();
    if (!check.ok) throw new Error(`getPaymentsReport failed: ${JSON.stringify(check)}`);
    progress(`  payments report: ${check.value.totals.records} records in June 2026, net ${check.value.totals.netKrw} KRW`);
    floor();
    const serviceTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      await inTurns(
        i,
        async () => serviceTimes.push(await time(report)),
        async () => floorTimes.push(await time(floor)),
      );
    }
    emit('payments_report_month_ms', percentile(serviceTimes, 50), 'ms');
    emit('payments_report_month_sql_floor_ms', percentile(floorTimes, 50), 'ms');
  } finally {
    await services.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
