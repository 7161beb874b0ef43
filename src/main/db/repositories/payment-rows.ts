// A payments row as both back ends read it, and the record it is: one mapping for SQLite and PostgreSQL.
import type { PaymentLine, PaymentRecord } from '../../../shared/domain/payments/payment-record';
import { formatReceiptNumber } from '../../../shared/domain/payments/receipt-number';

export const PAYMENT_COLUMNS = `id, kind, date, method, currency, amount_minor, krw, rate_krw_per_unit, rate_date, rate_source, taken_by,
  quote_version, lines_json, linked_id, reason, branch, receipt_year, receipt_number, recorded_at`;

export interface PaymentRow {
  readonly id: string;
  readonly kind: PaymentRecord['kind'];
  readonly date: string;
  readonly method: PaymentRecord['method'];
  readonly currency: string;
  /** A string from PostgreSQL's bigint. */
  readonly amount_minor: number | string;
  readonly krw: number | string;
  readonly rate_krw_per_unit: string | null;
  readonly rate_date: string | null;
  readonly rate_source: string | null;
  readonly taken_by: string;
  readonly quote_version: number | null;
  readonly lines_json: string;
  readonly linked_id: string | null;
  readonly reason: string;
  readonly branch: string;
  readonly receipt_year: number;
  readonly receipt_number: number;
  readonly recorded_at: string;
}

/** Where a new record's receipt number comes from, beside the record. */
export interface ReceiptSlot {
  readonly branch: string;
  readonly year: number;
  readonly sequence: number;
}

export function recordOf(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    kind: row.kind,
    date: row.date,
    method: row.method,
    currency: row.currency,
    amountMinor: Number(row.amount_minor),
    krw: Number(row.krw),
    rate:
      row.rate_krw_per_unit === null
        ? null
        : { krwPerUnit: row.rate_krw_per_unit, date: row.rate_date ?? '', source: row.rate_source ?? '' },
    takenBy: row.taken_by,
    quoteVersion: row.quote_version,
    lines: JSON.parse(row.lines_json) as PaymentLine[],
    linkedTo: row.linked_id,
    reason: row.reason,
    receiptNumber: formatReceiptNumber(row.branch, row.receipt_year, row.receipt_number),
    recordedAt: row.recorded_at,
  };
}

/** The insert's values, in the order of INSERT_COLUMNS. */
export const INSERT_COLUMNS = `id, patient_seq, kind, date, method, currency, amount_minor, krw, direction, rate_krw_per_unit, rate_date, rate_source,
  taken_by, quote_version, lines_json, linked_id, reason, branch, receipt_year, receipt_number, recorded_at`;

export function insertValues(
  patientSeq: number,
  record: Omit<PaymentRecord, 'receiptNumber'>,
  direction: 1 | -1,
  slot: ReceiptSlot,
): unknown[] {
  return [
    record.id,
    patientSeq,
    record.kind,
    record.date,
    record.method,
    record.currency,
    record.amountMinor,
    record.krw,
    direction,
    record.rate?.krwPerUnit ?? null,
    record.rate?.date ?? null,
    record.rate?.source ?? null,
    record.takenBy,
    record.quoteVersion,
    JSON.stringify(record.lines),
    record.linkedTo,
    record.reason,
    slot.branch,
    slot.year,
    slot.sequence,
    record.recordedAt,
  ];
}

/** One group of the payments report: a day, a method, a kind and a currency. */
export interface PaymentTotalRow {
  readonly date: string;
  readonly method: PaymentRecord['method'];
  readonly kind: PaymentRecord['kind'];
  readonly currency: string;
  readonly direction: 1 | -1;
  readonly count: number;
  readonly amountMinor: number;
  readonly krw: number;
}
