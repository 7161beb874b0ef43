// The KRW value of an amount paid in another currency, at a rate given as won per one unit of that currency
// ("366.12" KRW per SAR), in integers throughout: amount (minor units) x rate / 10^(minor digits), rounded to the won.
import { divideRounded, minorDigits, parseDecimal } from '../money/currency';

/** null when the rate is not a plain positive decimal or the amount is not a safe integer. */
export function krwValueOf(amountMinor: number, currency: string, krwPerUnit: string): number | null {
  if (!Number.isSafeInteger(amountMinor)) return null;
  if (currency === 'KRW') return amountMinor;
  const rate = parseDecimal(krwPerUnit);
  if (!rate) return null;
  const value = divideRounded(BigInt(amountMinor) * rate.units, 10n ** BigInt(minorDigits(currency) + rate.scale));
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** "150.25" USD -> 15025; null when it has more decimals than the currency's minor unit, or is not positive. */
export function parseAmount(text: string, currency: string): number | null {
  const parsed = parseDecimal(text);
  const digits = minorDigits(currency);
  if (!parsed || parsed.scale > digits) return null;
  const minor = parsed.units * 10n ** BigInt(digits - parsed.scale);
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}
