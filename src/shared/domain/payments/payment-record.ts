// A payment is a record, never an amount recomputed: what was paid, when, how, in which currency, at which rate,
// taken by whom, against which quote version and which of its lines. Nothing is deleted or changed: a mistake is
// corrected by a reversing record (a correction), which cancels the record it names, whole.
import type { TreatmentId } from '../catalog/catalog-schema';
import type { ExchangeRate } from '../money/quote';

export const PAYMENT_METHODS = ['card', 'cash', 'bank_transfer', 'foreign_cash', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** deposit: asked before arrival; payment: on or after the treatment day; refund: money given back, linked to the
 * record it refunds; correction: reverses one earlier record whole (a mistake), linked to it. */
export const PAYMENT_KINDS = ['deposit', 'payment', 'refund', 'correction'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** What the coordinator enters: a correction is never entered as such, it is made from the record it reverses. */
export const ENTERED_KINDS = ['deposit', 'payment', 'refund'] as const;
export type EnteredKind = (typeof ENTERED_KINDS)[number];

/** Services outside the medical fee. The legal cap on an agency's commission is a share of the medical fee the
 * patient pays, with these left out, so a payment says which part of it they are. */
export const NON_MEDICAL_SERVICES = ['interpreting', 'transport', 'lodging'] as const;
export type NonMedicalService = (typeof NON_MEDICAL_SERVICES)[number];
export type LineService = 'medical' | NonMedicalService;

/** The part of a payment that settles one line: a treatment of the quote (or the medical fee at large, treatment
 * null), or a non-medical service. In KRW: the lines of a payment add up to its KRW value. */
export interface PaymentLine {
  readonly service: LineService;
  readonly treatment: TreatmentId | null;
  readonly krw: number;
}

export interface PaymentRecord {
  readonly id: string;
  readonly kind: PaymentKind;
  /** The calendar day the money moved (Korea). */
  readonly date: string;
  readonly method: PaymentMethod;
  /** ISO 4217: the currency the money was paid in. */
  readonly currency: string;
  /** In the currency's minor units, always positive: the kind says which way the money went. */
  readonly amountMinor: number;
  /** The KRW value, always positive: the amount itself for KRW, else at `rate`. */
  readonly krw: number;
  /** KRW per unit of `currency`, with the rate's date and source; null for KRW. */
  readonly rate: ExchangeRate | null;
  /** Who took the money (the coordinator signed in when it was recorded). */
  readonly takenBy: string;
  /** The quote version it settles, or null when no quote was sent yet (a deposit asked before the quote). */
  readonly quoteVersion: number | null;
  readonly lines: readonly PaymentLine[];
  /** A refund: the deposit or payment it refunds. A correction: the record it reverses. Else null. */
  readonly linkedTo: string | null;
  /** Why a refund or correction was made ('' for a deposit or payment). */
  readonly reason: string;
  /** Numbered without gaps per branch and year (receipt-number.ts). */
  readonly receiptNumber: string;
  readonly recordedAt: string;
}

/** Money in (a deposit, a payment) or out (a refund): the direction a correction reverses. */
export const isMoneyIn = (kind: PaymentKind): boolean => kind === 'deposit' || kind === 'payment';

/** The record's effect on the money the clinic holds: +1 in, -1 out; a correction the opposite of the record it
 * reverses (`reverses`, that record's kind). Kept with the record so a report sums a range without the originals. */
export function moneyDirection(kind: PaymentKind, reverses: PaymentKind | null): 1 | -1 {
  if (kind === 'correction') return reverses !== null && isMoneyIn(reverses) ? -1 : 1;
  return isMoneyIn(kind) ? 1 : -1;
}
