// All SQL about payment records and their receipt numbers, on PostgreSQL (the SQLite twin:
// ../../repositories/payments-repository.ts). Added, read, never changed (the table's triggers refuse it).
import type { PaymentsRepository } from '../../repositories/payments-repository';
import {
  INSERT_COLUMNS,
  PAYMENT_COLUMNS,
  insertValues,
  recordOf,
  type PaymentRow,
  type PaymentTotalRow,
} from '../../repositories/payment-rows';
import type { AsyncOf } from '../../store/async-of';
import type { PgSql } from '../pg-sql';

export function createPgPaymentsRepository(sql: PgSql): AsyncOf<PaymentsRepository> {
  const placeholders = INSERT_COLUMNS.split(',')
    .map((_, index) => `$${index + 1}`)
    .join(', ');
  return {
    async nextReceiptNumber(branch, year) {
      // ON CONFLICT DO UPDATE locks the counter row until this transaction ends: a second PC's save waits there,
      // then increments the committed value (READ COMMITTED re-reads the row it waited for). A rollback releases
      // the row unchanged, so the number is given again: no gaps, no duplicates.
      const row = await sql.one<{ last_number: number }>(
        `INSERT INTO receipt_counters (branch, year, last_number) VALUES ($1, $2, 1)
         ON CONFLICT (branch, year) DO UPDATE SET last_number = receipt_counters.last_number + 1 RETURNING last_number`,
        [branch, year],
      );
      return row!.last_number;
    },
    async add(patientSeq, record, direction, slot) {
      await sql.run(`INSERT INTO payments (${INSERT_COLUMNS}) VALUES (${placeholders})`, insertValues(patientSeq, record, direction, slot));
    },
    async ofPatient(patientSeq) {
      return (await sql.all<PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE patient_seq = $1 ORDER BY seq`, [patientSeq])).map(
        recordOf,
      );
    },
    async totalsBetween(from, to) {
      const rows = await sql.all<
        Omit<PaymentTotalRow, 'count' | 'amountMinor' | 'krw'> & { count: string; amountminor: string; krw: string }
      >(
        `SELECT date, method, kind, currency, direction, count(*) AS count, sum(amount_minor) AS amountMinor, sum(krw) AS krw
         FROM payments WHERE date BETWEEN $1 AND $2 GROUP BY date, method, kind, currency, direction ORDER BY date, method, kind, currency, direction`,
        [from, to],
      );
      // count and the sums are bigint, which pg returns as strings.
      return rows.map(({ amountminor, count, krw, ...group }) => ({
        ...group,
        count: Number(count),
        amountMinor: Number(amountminor),
        krw: Number(krw),
      }));
    },
    async receiptNumbers(branch, year) {
      const rows = await sql.all<{ receipt_number: number }>(
        'SELECT receipt_number FROM payments WHERE branch = $1 AND receipt_year = $2 ORDER BY receipt_number',
        [branch, year],
      );
      return rows.map((row) => row.receipt_number);
    },
  };
}
