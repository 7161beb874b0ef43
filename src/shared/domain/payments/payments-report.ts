// Payments and refunds by day and method over a date range, from the store's sums per day, method, kind, currency
// and direction (a correction counted the way it moves the money: taking a payment back, or a refund back).
import type { PaymentKind, PaymentMethod } from './payment-record';

/** One group as the store sums it. */
export interface PaymentTotals {
  readonly date: string;
  readonly method: PaymentMethod;
  readonly kind: PaymentKind;
  readonly currency: string;
  readonly direction: 1 | -1;
  readonly count: number;
  readonly amountMinor: number;
  readonly krw: number;
}

export interface PaymentsDay {
  readonly date: string;
  readonly method: PaymentMethod;
  /** Deposits and payments, KRW value. */
  readonly inKrw: number;
  /** Refunds, KRW value. */
  readonly outKrw: number;
  /** Corrections: their net effect (negative when they took payments back). */
  readonly correctedKrw: number;
  /** in - out + corrected: what the method brought in that day. */
  readonly netKrw: number;
  readonly records: number;
}

export interface PaymentsReport {
  readonly from: string;
  readonly to: string;
  readonly days: readonly PaymentsDay[];
  readonly totals: {
    readonly inKrw: number;
    readonly outKrw: number;
    readonly correctedKrw: number;
    readonly netKrw: number;
    readonly records: number;
  };
  /** Net per currency paid in, in that currency's minor units. */
  readonly byCurrency: readonly { readonly currency: string; readonly netMinor: number }[];
}

export function paymentsReport(from: string, to: string, groups: readonly PaymentTotals[]): PaymentsReport {
  const days = new Map<
    string,
    { date: string; method: PaymentMethod; inKrw: number; outKrw: number; correctedKrw: number; records: number }
  >();
  const currencies = new Map<string, number>();
  for (const group of groups) {
    const key = `${group.date}\u0000${group.method}`;
    const day = days.get(key) ?? { date: group.date, method: group.method, inKrw: 0, outKrw: 0, correctedKrw: 0, records: 0 };
    if (group.kind === 'correction') day.correctedKrw += group.direction * group.krw;
    else if (group.direction === 1) day.inKrw += group.krw;
    else day.outKrw += group.krw;
    day.records += group.count;
    days.set(key, day);
    currencies.set(group.currency, (currencies.get(group.currency) ?? 0) + group.direction * group.amountMinor);
  }
  const listed = [...days.values()]
    .map((day) => ({ ...day, netKrw: day.inKrw - day.outKrw + day.correctedKrw }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.method.localeCompare(b.method));
  const sum = (pick: (day: PaymentsDay) => number) => listed.reduce((total, day) => total + pick(day), 0);
  return {
    from,
    to,
    days: listed,
    totals: {
      inKrw: sum((d) => d.inKrw),
      outKrw: sum((d) => d.outKrw),
      correctedKrw: sum((d) => d.correctedKrw),
      netKrw: sum((d) => d.netKrw),
      records: sum((d) => d.records),
    },
    byCurrency: [...currencies]
      .map(([currency, netMinor]) => ({ currency, netMinor }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
