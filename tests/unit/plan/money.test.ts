import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertFromKrw, divideRounded, formatMoney, minorDigits, minorToDecimal } from '../../../src/shared/domain/money/currency';
import { buildQuote } from '../../../src/shared/domain/money/quote';

describe('currencies', () => {
  it('knows each currency’s minor unit', () => {
    expect(minorDigits('KRW')).toBe(0);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('converts KRW at a won-per-unit rate, rounded half up to the home minor unit', () => {
    // 1,000,000 KRW at 190.35 KRW/CNY = 5253.4804... CNY -> 5253.48
    expect(convertFromKrw(1_000_000, '190.35', 'CNY')).toBe(525348n);
    // at 9.05 KRW/JPY = 110497.237... JPY -> 110497 (no minor unit)
    expect(convertFromKrw(1_000_000, '9.05', 'JPY')).toBe(110497n);
    // at 4512.3 KRW/KWD = 221.61647... KWD -> 221.616 (three digits)
    expect(convertFromKrw(1_000_000, '4512.3', 'KWD')).toBe(221616n);
    expect(convertFromKrw(1_000_000, '0', 'USD')).toBeNull();
    expect(convertFromKrw(1_000_000, '1e3', 'USD')).toBeNull();
  });

  it('rounds exact halves up', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(7n, 2n)).toBe(4n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
  });

  it('formats from exact decimals, with Intl', () => {
    expect(minorToDecimal(525348n, 'CNY')).toBe('5253.48');
    expect(minorToDecimal(5n, 'USD')).toBe('0.05');
    expect(formatMoney(221616n, 'KWD', 'en')).toMatch(/221\.616/);
    expect(formatMoney(1_234_567n, 'KRW', 'ko')).toBe('₩1,234,567');
  });

  it('matches exact rational arithmetic for any amount and rate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000_000 }),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        (krw, rateUnits, scale) => {
          const rate = (rateUnits / 10 ** scale).toFixed(scale);
          const converted = convertFromKrw(krw, rate, 'USD')!;
          // Exact: krw * 100 / rate within half a cent.
          const exact = BigInt(krw) * 100n * 10n ** BigInt(scale) * 2n;
          const lower = (converted * 2n - 1n) * BigInt(rateUnits);
          const upper = (converted * 2n + 1n) * BigInt(rateUnits);
          expect(exact >= lower && exact <= upper).toBe(true);
        },
      ),
    );
  });
});

describe('the quote', () => {
  const lines = [
    { treatment: 'rejuran-healer' as const, sessions: 3, unitKrw: 450_000, discountPercent: 10 },
    { treatment: 'pico-laser' as const, sessions: 2, unitKrw: 150_000, discountPercent: 0 },
  ];

  it('adds integer KRW lines with discounts, VAT included in the price', () => {
    const quote = buildQuote(
      lines,
      { percent: 10, pricesIncludeVat: true },
      'CNY',
      { krwPerUnit: '190.35', date: '2026-11-20', source: 'Hana Bank' },
      '2026-11-24',
    );
    expect(quote.lines.map((l) => l.netKrw)).toEqual([1_215_000, 300_000]);
    expect(quote.totalKrw).toBe(1_515_000);
    expect(quote.vatKrw).toBe(137_727); // 1,515,000 * 10 / 110
    expect(quote.subtotalKrw + quote.vatKrw).toBe(quote.totalKrw);
    expect(quote.home?.totalMinor).toBe(795_902n); // 7959.02 CNY
    expect(quote.home?.rateIsStale).toBe(false);
  });

  it('charges whole packages at the package price and the rest per session', () => {
    const quote = buildQuote(
      [{ treatment: 'rejuran-healer', sessions: 4, unitKrw: 450_000, discountPercent: 0, package: { sessions: 3, priceKrw: 1_200_000 } }],
      { percent: 10, pricesIncludeVat: true },
      'KRW',
      null,
      '2026-11-24',
    );
    expect(quote.lines[0]).toMatchObject({ packages: 1, grossKrw: 1_650_000 });
    const short = buildQuote(
      [{ treatment: 'rejuran-healer', sessions: 2, unitKrw: 450_000, discountPercent: 0, package: { sessions: 3, priceKrw: 1_200_000 } }],
      { percent: 10, pricesIncludeVat: true },
      'KRW',
      null,
      '2026-11-24',
    );
    expect(short.lines[0]).toMatchObject({ packages: 0, grossKrw: 900_000 });
  });

  it('adds VAT on top when prices exclude it, and warns on a rate older than 7 days', () => {
    const quote = buildQuote(
      lines,
      { percent: 10, pricesIncludeVat: false },
      'USD',
      { krwPerUnit: '1390.5', date: '2026-11-16', source: 'x' },
      '2026-11-24',
    );
    expect(quote.totalKrw).toBe(1_666_500);
    expect(quote.home?.rateAgeDays).toBe(8);
    expect(quote.home?.rateIsStale).toBe(true);
    const fresh = buildQuote(
      lines,
      { percent: 10, pricesIncludeVat: false },
      'USD',
      { krwPerUnit: '1390.5', date: '2026-11-17', source: 'x' },
      '2026-11-24',
    );
    expect(fresh.home?.rateIsStale).toBe(false);
  });
});
