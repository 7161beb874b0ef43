// Channels of the money after the quote: a patient's payment records (deposits, payments, refunds, the reversing
// records that correct a mistake), the balance against the latest quote sent, the agencies that refer patients
// with the legal cap on their commission, and what an agency is owed for a patient.
import { z } from 'zod';
import { channel } from './define-channel';
import { absoluteFolder } from './folder';
import type { ExportedHandout, HandoutFile } from './handouts';
import { SUPPORTED_LANGUAGES } from '../domain/intake/vocabulary';
import { agencySchema } from '../domain/payments/agency';
import type { Balance } from '../domain/payments/balance';
import type { Commission } from '../domain/payments/commission';
import type { CommissionCap } from '../domain/payments/commission-caps';
import { paymentEntrySchema } from '../domain/payments/payment-entry';
import type { PaymentRecord } from '../domain/payments/payment-record';
import type { PaymentsReport } from '../domain/payments/payments-report';
import { calendarDateSchema } from '../domain/intake/patient-schema';
import { daysBetween } from '../domain/intake/calendar-date';

const patientId = z.uuid('invalid');
const id = z.uuid('invalid');
const receiptRequest = {
  patientId,
  paymentId: id,
  language: z.enum(SUPPORTED_LANGUAGES, 'unsupported_language'),
  /** Korean beside the patient's language. */
  bilingual: z.boolean('invalid_type'),
};

/** A record as listed: reversed when a correction names it (it stays, struck through, never deleted). */
export interface ListedPayment extends PaymentRecord {
  readonly reversed: boolean;
}

export interface PatientPayments {
  readonly records: readonly ListedPayment[];
  readonly balance: Balance;
}

export interface ListedAgency {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly registrationNumber: string;
  readonly registrationExpires: string;
  readonly contact: string;
  readonly terms: z.output<typeof agencySchema>['terms'];
  readonly archivedAt: string | null;
  /** Why it cannot be paid today (an expired registration, terms over the cap for the clinic's kind). */
  readonly flags: readonly ('registration_expired' | 'commission_over_cap')[];
}

export interface AgencyList {
  readonly agencies: readonly ListedAgency[];
  /** The cap for the clinic's kind, with its citation. */
  readonly cap: CommissionCap;
}

export interface PatientCommission {
  /** The agency the patient's referral names by its registration number, or null (none, or not in the list). */
  readonly agency: ListedAgency | null;
  readonly commission: Commission | null;
}

/** The longest range the payments report covers in one call: a year and a day, so a year against the last fits. */
export const MAX_PAYMENTS_RANGE_DAYS = 366;

const reportRange = z.strictObject({ from: calendarDateSchema, to: calendarDateSchema }).superRefine(({ from, to }, context) => {
  const days = daysBetween(from, to);
  if (days < 0 || days >= MAX_PAYMENTS_RANGE_DAYS) context.addIssue({ code: 'custom', path: ['to'], message: 'invalid' });
});

export const paymentsChannels = {
  /** Records a deposit, a payment or a refund, numbered for its receipt. */
  recordPayment: channel<ListedPayment>()(z.strictObject({ patientId, entry: paymentEntrySchema })),
  /** Corrects a mistake: a record reversing `paymentId` whole, with the reason. The original stays. */
  reversePayment: channel<ListedPayment>()(
    z.strictObject({ patientId, paymentId: id, reason: z.string('invalid_type').trim().min(1, 'required').max(500, 'too_long') }),
  ),
  listPayments: channel<PatientPayments>()(z.strictObject({ patientId })),
  getBalance: channel<Balance>()(z.strictObject({ patientId })),
  listAgencies: channel<AgencyList>()(z.strictObject({})),
  /** Adds an agency (no id) or changes one (its id and the version on screen). Refused beside the field when its
   * registration has expired or its terms go over the legal cap. */
  saveAgency: channel<ListedAgency>()(
    z
      .strictObject({ id: id.optional(), expectedVersion: z.int('invalid_type').min(1, 'invalid').optional(), agency: agencySchema })
      .refine((input) => (input.id === undefined) === (input.expectedVersion === undefined), {
        path: ['expectedVersion'],
        message: 'required',
      }),
  ),
  archiveAgency: channel<ListedAgency>()(z.strictObject({ id, expectedVersion: z.int('invalid_type').min(1, 'invalid') })),
  getPatientCommission: channel<PatientCommission>()(z.strictObject({ patientId })),
  /** The receipt (refund or correction note) of one record as a PDF, in the patient's language beside Korean. */
  makeReceipt: channel<HandoutFile>()(z.strictObject(receiptRequest)),
  /** The same, written into a folder (created if missing); the export is audited. */
  exportReceipt: channel<ExportedHandout>()(z.strictObject({ ...receiptRequest, folder: absoluteFolder })),
  /** Payments and refunds by day and method over the dates (inclusive), with totals and the net per currency. */
  getPaymentsReport: channel<PaymentsReport>()(reportRange),
};
