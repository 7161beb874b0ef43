// Money as integers of a currency's minor unit (KRW has none: won are integers; USD cents; KWD fils, 3 digits).
// Floats never hold an amount: 0.1 + 0.2 is not 0.3, and a quote must add up to the won.

/** Digits after the decimal point, from the engine's CLDR data: KRW 0, JPY 0, USD 2, KWD 3. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "190.35" -> { units: 19035n, scale: 2 }; refuses anything but a plain positive decimal. */
export function parseDecimal(text: string): { units: bigint; scale: number } | null {
  const match = /^(\d{1,12})(?:\.(\d{1,10}))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  const units = BigInt(match[1]! + fraction);
  return units === 0n ? null : { units, scale: fraction.length };
}

/** Integer division rounded half away from zero (amounts here are never negative, but discounts subtract). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/**
 * KRW to the home currency's minor units at a rate given as won per one unit of the home currency
 * ("190.35" KRW per CNY), rounded half up to the home currency's own minor unit.
 */
export function convertFromKrw(krw: number, krwPerUnit: string, currency: string): bigint | null {
  const rate = parseDecimal(krwPerUnit);
  if (!rate || !Number.isSafeInteger(krw)) return null;
  const minor = 10n ** BigInt(minorDigits(currency));
  return divideRounded(BigInt(krw) * minor * 10n ** BigInt(rate.scale), rate.units);
}

/** An amount in minor units as a decimal string ("123456" JPY -> "123456", "12345" USD -> "123.45"). */
export function minorToDecimal(amount: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0n ? '-' : '';
  const text = (amount < 0n ? -amount : amount).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Formatted for a reader of `locale`, from the exact decimal string (Intl takes strings without a float). */
export function formatMoney(amount: bigint, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency }) as Intl.NumberFormat & {
    format(value: string): string;
  };
  return format.format(minorToDecimal(amount, currency));
}
