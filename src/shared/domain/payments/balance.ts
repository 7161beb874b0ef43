// The balance at a glance: quoted (the total of the latest quote version sent), paid, refunded and due, in KRW
// (each payment at its own rate), and the same in the home currency at the quote's rate. Computed from the
// records every time, whatever their order: a correction cancels the record it names, wherever it stands.
import { convertFromKrw, minorToDecimal } from '../money/currency';
import { isMoneyIn, type LineService, type PaymentRecord } from './payment-record';

/** What of the latest quote sent the balance needs. */
export interface QuotedTotal {
  readonly version: number;
  readonly totalKrw: number;
  /** The home currency and the quote's rate (KRW per unit), or null for a quote in KRW alone. */
  readonly home: { readonly currency: string; readonly krwPerUnit: string } | null;
}

export interface Balance {
  readonly quoteVersion: number | null;
  readonly quotedKrw: number;
  /** Deposits and payments, less those corrected. */
  readonly paidKrw: number;
  /** Refunds, less those corrected. */
  readonly refundedKrw: number;
  /** Of paidKrw, the deposits: whether a deposit is recorded. */
  readonly depositKrw: number;
  /** quoted - paid + refunded: what the patient still owes (negative: the clinic owes the patient). */
  readonly dueKrw: number;
  /** Net of refunds, per currency paid in, in that currency's minor units (the receipt's "paid in SAR"). */
  readonly byCurrency: readonly { readonly currency: string; readonly amountMinor: number }[];
  /** Net KRW per service (medical, interpreting...): the commission's base leaves the non-medical out. */
  readonly byService: Readonly<Record<LineService, number>>;
  /** The same in the home currency at the quote's rate, as exact decimal strings; null without a home rate. */
  readonly home: {
    readonly currency: string;
    readonly quoted: string;
    readonly paid: string;
    readonly refunded: string;
    readonly due: string;
  } | null;
}

/** +1 for a record that adds to its side, -1 for a correction (which takes its original away), 0 for a correction
 * whose original is not among the records (it cancels nothing it can be seen cancelling). */
function signedEffect(
  record: PaymentRecord,
  byId: ReadonlyMap<string, PaymentRecord>,
): { side: 'in' | 'out'; sign: 1 | -1; of: PaymentRecord } | null {
  if (record.kind !== 'correction') return { side: isMoneyIn(record.kind) ? 'in' : 'out', sign: 1, of: record };
  const original = record.linkedTo === null ? undefined : byId.get(record.linkedTo);
  if (!original || original.kind === 'correction') return null;
  return { side: isMoneyIn(original.kind) ? 'in' : 'out', sign: -1, of: original };
}

export function balanceOf(records: readonly PaymentRecord[], quoted: QuotedTotal | null): Balance {
  const byId = new Map(records.map((record) => [record.id, record]));
  let paidKrw = 0;
  let refundedKrw = 0;
  let depositKrw = 0;
  const currencies = new Map<string, number>();
  const byService: Record<LineService, number> = { medical: 0, interpreting: 0, transport: 0, lodging: 0 };
  for (const record of records) {
    const effect = signedEffect(record, byId);
    if (!effect) continue;
    // Money in counts up, money out down; a correction flips its original's direction.
    const direction = (effect.side === 'in' ? 1 : -1) * effect.sign;
    if (effect.side === 'in') paidKrw += effect.sign * effect.of.krw;
    else refundedKrw += effect.sign * effect.of.krw;
    if (effect.of.kind === 'deposit') depositKrw += effect.sign * effect.of.krw;
    currencies.set(effect.of.currency, (currencies.get(effect.of.currency) ?? 0) + direction * effect.of.amountMinor);
    for (const line of effect.of.lines) byService[line.service] += direction * line.krw;
  }
  const quotedKrw = quoted?.totalKrw ?? 0;
  const dueKrw = quotedKrw - paidKrw + refundedKrw;
  const home = quoted?.home ?? null;
  const inHome = (krw: number): string | null => {
    if (!home) return null;
    const minor = convertFromKrw(Math.abs(krw), home.krwPerUnit, home.currency);
    return minor === null ? null : minorToDecimal(krw < 0 ? -minor : minor, home.currency);
  };
  const homeTotals = home && [inHome(quotedKrw), inHome(paidKrw), inHome(refundedKrw), inHome(dueKrw)];
  return {
    quoteVersion: quoted?.version ?? null,
    quotedKrw,
    paidKrw,
    refundedKrw,
    depositKrw,
    dueKrw,
    byCurrency: [...currencies]
      .filter(([, amount]) => amount !== 0)
      .map(([currency, amountMinor]) => ({ currency, amountMinor }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    byService,
    home:
      home && homeTotals && homeTotals.every((value) => value !== null)
        ? { currency: home.currency, quoted: homeTotals[0]!, paid: homeTotals[1]!, refunded: homeTotals[2]!, due: homeTotals[3]! }
        : null,
  };
}

/** The records a correction has reversed (by id): they stay, shown as reversed, and cannot be reversed again. */
export function reversedIds(records: readonly PaymentRecord[]): Set<string> {
  return new Set(records.flatMap((record) => (record.kind === 'correction' && record.linkedTo !== null ? [record.linkedTo] : [])));
}

/** How much of a deposit or payment is left to refund: its KRW value less the refunds linked to it that stand
 * (not themselves corrected). Zero once it was reversed. */
export function refundableKrw(original: PaymentRecord, records: readonly PaymentRecord[]): number {
  const reversed = reversedIds(records);
  if (reversed.has(original.id) || !isMoneyIn(original.kind)) return 0;
  const refunded = records
    .filter((record) => record.kind === 'refund' && record.linkedTo === original.id && !reversed.has(record.id))
    .reduce((sum, record) => sum + record.krw, 0);
  return original.krw - refunded;
}
