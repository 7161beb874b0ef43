// The quotes a patient was sent ("Mark as sent"), kept as the patient received them, and whether the quote the plan
// gives today is still the one the patient holds.
import type { QuotePartView, QuoteView } from './quote-view';

export interface SentQuote {
  /** 1 for the first quote the patient was sent, then 2, 3...: never reused, never overwritten. */
  readonly version: number;
  /** The saved plan version it was made from. */
  readonly planVersion: number;
  /** The quote as the patient received it: lines, amounts, VAT, the exchange rate, the next visit's estimate. */
  readonly quote: QuoteView;
  readonly sentAt: string;
  readonly sentBy: string;
}

/** What of a quote the patient reads: all of it but the rate's age, which grows by itself every day. */
function readable(quote: QuoteView): unknown {
  const part = (view: QuotePartView) => ({
    lines: view.lines,
    unpriced: view.unpriced,
    subtotalKrw: view.subtotalKrw,
    vatKrw: view.vatKrw,
    totalKrw: view.totalKrw,
    home: view.home && {
      currency: view.home.currency,
      total: view.home.total,
      krwPerUnit: view.home.krwPerUnit,
      rateDate: view.home.rateDate,
      rateSource: view.home.rateSource,
    },
  });
  return {
    ...part(quote),
    vatPercent: quote.vatPercent,
    pricesIncludeVat: quote.pricesIncludeVat,
    nextVisit: quote.nextVisit && part(quote.nextVisit),
  };
}

/** Whether two quotes say the same to the patient (the same lines, amounts, rate and next-visit estimate). */
export const sameQuote = (a: QuoteView, b: QuoteView): boolean => JSON.stringify(readable(a)) === JSON.stringify(readable(b));

/** The version the patient holds of this quote: the newest sent one when it says what this quote says, else null
 * (never sent, or the plan or prices changed after it: the patient holds an older quote). */
export function heldVersion(quote: QuoteView, sent: readonly SentQuote[]): SentQuote | null {
  const newest = sent.reduce<SentQuote | null>(
    (latest, version) => (latest === null || version.version > latest.version ? version : latest),
    null,
  );
  return newest && sameQuote(newest.quote, quote) ? newest : null;
}
