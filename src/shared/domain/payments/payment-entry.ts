// What a coordinator enters for a deposit, a payment or a refund, and the record it becomes: its KRW value at the
// rate entered, its lines (the whole amount against the medical fee unless said otherwise), the quote version it
// settles (the latest sent unless named). And the reversing record that corrects a mistake. Pure: the service
// passes the patient's records and quote versions, read in the transaction that saves.
import { z } from 'zod';
import { TREATMENT_IDS } from '../catalog/catalog-schema';
import { isCurrencyCode } from '../intake/identifiers';
import { calendarDateSchema } from '../intake/patient-schema';
import { refundableKrw, reversedIds } from './balance';
import { krwValueOf, parseAmount } from './krw-value';
import { ENTERED_KINDS, NON_MEDICAL_SERVICES, PAYMENT_METHODS, isMoneyIn, type PaymentLine, type PaymentRecord } from './payment-record';

const rateSchema = z.strictObject({
  krwPerUnit: z.string('invalid_type').regex(/^\d{1,12}(\.\d{1,10})?$/, 'invalid'),
  date: calendarDateSchema,
  source: z.string('invalid_type').trim().min(1, 'required').max(120, 'too_long'),
});

export const paymentEntrySchema = z
  .strictObject({
    kind: z.enum(ENTERED_KINDS, 'invalid_choice'),
    date: calendarDateSchema,
    method: z.enum(PAYMENT_METHODS, 'invalid_choice'),
    currency: z.string('invalid_type').refine(isCurrencyCode, 'invalid_currency'),
    /** A decimal in the currency paid ("150.25" USD, "300000" KRW), never more decimals than its minor unit. */
    amount: z.string('invalid_type').max(24, 'too_long'),
    /** KRW per one unit of the currency paid, with its date and source; required for any currency but KRW. */
    rate: rateSchema.optional(),
    /** The quote version it settles; the latest sent when left out. */
    quoteVersion: z.int('invalid_type').min(1, 'invalid').optional(),
    /** What the payment settles, in KRW; the whole amount against the medical fee when left out. */
    lines: z
      .array(
        z.strictObject({
          service: z.enum(['medical', ...NON_MEDICAL_SERVICES], 'invalid_choice'),
          treatment: z.enum(TREATMENT_IDS, 'invalid_choice').optional(),
          krw: z.int('invalid_type').min(1, 'invalid').max(10_000_000_000, 'invalid'),
        }),
      )
      .min(1, 'required')
      .max(60, 'too_many')
      .optional(),
    /** A refund: the id of the deposit or payment it refunds. */
    refundOf: z.string('invalid_type').min(1, 'required').max(64, 'too_long').optional(),
    reason: z.string('invalid_type').trim().max(500, 'too_long').default(''),
  })
  .superRefine((entry, context) => {
    const add = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (entry.currency === 'KRW' && entry.rate !== undefined) add(['rate'], 'invalid');
    if (entry.currency !== 'KRW' && entry.rate === undefined) add(['rate'], 'rate_required');
    // Foreign cash is cash in another currency: won in cash are "cash".
    if (entry.method === 'foreign_cash' && entry.currency === 'KRW') add(['method'], 'invalid_choice');
    // The amount's minor unit is the currency's: read only once the currency is a real one (the refine above).
    if (isCurrencyCode(entry.currency) && parseAmount(entry.amount, entry.currency) === null) add(['amount'], 'invalid');
    if (entry.kind === 'refund' && entry.refundOf === undefined) add(['refundOf'], 'required');
    if (entry.kind !== 'refund' && entry.refundOf !== undefined) add(['refundOf'], 'invalid');
    if (entry.kind === 'refund' && entry.reason === '') add(['reason'], 'required');
    entry.lines?.forEach((line, index) => {
      if (line.service !== 'medical' && line.treatment !== undefined) add(['lines', index, 'treatment'], 'invalid');
    });
  });

export type PaymentEntry = z.output<typeof paymentEntrySchema>;

export type PaymentIssueCode =
  'invalid' | 'required' | 'date_in_future' | 'lines_do_not_add_up' | 'refund_exceeds_paid' | 'already_reversed' | 'reverse_refunds_first';

export interface PaymentIssue {
  readonly path: readonly (string | number)[];
  readonly code: PaymentIssueCode;
}

/** A record as made here, before the store gives it its id, receipt number and time. */
export type NewPaymentRecord = Omit<PaymentRecord, 'id' | 'receiptNumber' | 'recordedAt'>;

export interface PatientPayments {
  /** The patient's records so far, any order. */
  readonly records: readonly PaymentRecord[];
  /** The versions of the quotes the patient was sent. */
  readonly quoteVersions: readonly number[];
  readonly takenBy: string;
  /** Today in Korea: a payment is recorded once the money moved, never ahead. */
  readonly today: string;
}

export function recordFromEntry(entry: PaymentEntry, patient: PatientPayments): { record: NewPaymentRecord } | { issues: PaymentIssue[] } {
  const issues: PaymentIssue[] = [];
  const amountMinor = parseAmount(entry.amount, entry.currency);
  const krw = amountMinor === null ? null : krwValueOf(amountMinor, entry.currency, entry.rate?.krwPerUnit ?? '1');
  if (amountMinor === null || krw === null || krw < 1) return { issues: [{ path: ['amount'], code: 'invalid' }] };
  if (entry.date > patient.today) issues.push({ path: ['date'], code: 'date_in_future' });
  const lines: PaymentLine[] = entry.lines?.map((line) => ({
    service: line.service,
    treatment: line.treatment ?? null,
    krw: line.krw,
  })) ?? [{ service: 'medical', treatment: null, krw }];
  if (lines.reduce((sum, line) => sum + line.krw, 0) !== krw) issues.push({ path: ['lines'], code: 'lines_do_not_add_up' });
  const latest = patient.quoteVersions.length > 0 ? Math.max(...patient.quoteVersions) : null;
  if (entry.quoteVersion !== undefined && !patient.quoteVersions.includes(entry.quoteVersion))
    issues.push({ path: ['quoteVersion'], code: 'invalid' });
  let linkedTo: string | null = null;
  if (entry.kind === 'refund') {
    const original = patient.records.find((record) => record.id === entry.refundOf);
    if (!original || !isMoneyIn(original.kind)) issues.push({ path: ['refundOf'], code: 'invalid' });
    else if (krw > refundableKrw(original, patient.records)) issues.push({ path: ['amount'], code: 'refund_exceeds_paid' });
    else linkedTo = original.id;
  }
  if (issues.length > 0) return { issues };
  return {
    record: {
      kind: entry.kind,
      date: entry.date,
      method: entry.method,
      currency: entry.currency,
      amountMinor,
      krw,
      rate: entry.rate ?? null,
      takenBy: patient.takenBy,
      quoteVersion: entry.quoteVersion ?? latest,
      lines,
      linkedTo,
      reason: entry.reason,
    },
  };
}

/** The record that corrects a mistake: the original's amounts and lines, reversed, with the reason. A record is
 * reversed once; a correction is not reversed (enter the record again); a payment with refunds standing against it
 * is reversed after them, so what was refunded never outlives what it refunded. */
export function reversalOf(
  originalId: string,
  reason: string,
  patient: PatientPayments,
): { record: NewPaymentRecord } | { issues: PaymentIssue[] } {
  const original = patient.records.find((record) => record.id === originalId);
  if (!original || original.kind === 'correction') return { issues: [{ path: ['paymentId'], code: 'invalid' }] };
  if (reason.trim() === '') return { issues: [{ path: ['reason'], code: 'required' }] };
  const reversed = reversedIds(patient.records);
  if (reversed.has(original.id)) return { issues: [{ path: ['paymentId'], code: 'already_reversed' }] };
  if (isMoneyIn(original.kind) && refundableKrw(original, patient.records) !== original.krw) {
    return { issues: [{ path: ['paymentId'], code: 'reverse_refunds_first' }] };
  }
  return {
    record: {
      kind: 'correction',
      date: patient.today,
      method: original.method,
      currency: original.currency,
      amountMinor: original.amountMinor,
      krw: original.krw,
      rate: original.rate,
      takenBy: patient.takenBy,
      quoteVersion: original.quoteVersion,
      lines: original.lines,
      linkedTo: original.id,
      reason: reason.trim(),
    },
  };
}
