// All SQL about payment records and their receipt numbers: added, read, never changed (the table's triggers refuse
// it). The caller wraps a record and its number in one transaction with its audit entry.
import type { PaymentRecord } from '../../../shared/domain/payments/payment-record';
import type { Db } from '../open-database';
import {
  INSERT_COLUMNS,
  PAYMENT_COLUMNS,
  insertValues,
  recordOf,
  type PaymentRow,
  type PaymentTotalRow,
  type ReceiptSlot,
} from './payment-rows';

export function createPaymentsRepository(db: Db) {
  const placeholders = INSERT_COLUMNS.split(',')
    .map(() => '?')
    .join(', ');
  const statements = {
    // The counter row moves in the writer's transaction: a rollback gives the number back, and the write lock
    // (BEGIN IMMEDIATE) orders two savers, so no number is skipped or given twice.
    nextNumber: db.prepare<[string, number], { last_number: number }>(
      `INSERT INTO receipt_counters (branch, year, last_number) VALUES (?, ?, 1)
       ON CONFLICT (branch, year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    ),
    insert: db.prepare(`INSERT INTO payments (${INSERT_COLUMNS}) VALUES (${placeholders})`),
    ofPatient: db.prepare<[number], PaymentRow>(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE patient_seq = ? ORDER BY seq`),
    totals: db.prepare<[string, string], PaymentTotalRow>(
      `SELECT date, method, kind, currency, direction, count(*) AS count, sum(amount_minor) AS amountMinor, sum(krw) AS krw
       FROM payments WHERE date BETWEEN ? AND ? GROUP BY date, method, kind, currency, direction ORDER BY date, method, kind, currency, direction`,
    ),
    numbers: db.prepare<[string, number], { receipt_number: number }>(
      'SELECT receipt_number FROM payments WHERE branch = ? AND receipt_year = ? ORDER BY receipt_number',
    ),
  };
  return {
    /** The next receipt number of the branch's year, taken in the caller's transaction. */
    nextReceiptNumber(branch: string, year: number): number {
      return statements.nextNumber.get(branch, year)!.last_number;
    },
    add(patientSeq: number, record: Omit<PaymentRecord, 'receiptNumber'>, direction: 1 | -1, slot: ReceiptSlot): void {
      statements.insert.run(...insertValues(patientSeq, record, direction, slot));
    },
    /** The patient's records in the order they were made. */
    ofPatient(patientSeq: number): PaymentRecord[] {
      return statements.ofPatient.all(patientSeq).map(recordOf);
    },
    /** Sums per day, method, kind and currency over the dates (inclusive), from the covering index alone. */
    totalsBetween(from: string, to: string): PaymentTotalRow[] {
      return statements.totals.all(from, to);
    },
    /** The receipt numbers given in a branch's year, in order (the gapless check reads them). */
    receiptNumbers(branch: string, year: number): number[] {
      return statements.numbers.all(branch, year).map((row) => row.receipt_number);
    },
  };
}

export type PaymentsRepository = ReturnType<typeof createPaymentsRepository>;
