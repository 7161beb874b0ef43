import { describe, expect, it } from 'vitest';
import { balanceOf } from '../../../src/shared/domain/payments/balance';
import { krwValueOf, parseAmount } from '../../../src/shared/domain/payments/krw-value';
import { paymentEntrySchema, recordFromEntry, reversalOf } from '../../../src/shared/domain/payments/payment-entry';
import { formatReceiptNumber, parseReceiptNumber } from '../../../src/shared/domain/payments/receipt-number';
import { ledger, TODAY } from './payment-fixtures';

const SAR_RATE = { krwPerUnit: '366.5', date: '2027-03-09', source: 'KEB Hana Bank' };
const quote = { version: 1, totalKrw: 3_000_000, home: { currency: 'SAR', krwPerUnit: '366.5' } };

describe('amounts paid in another currency', () => {
  it('parse to the currency minor unit and refuse more decimals than it has', () => {
    expect(parseAmount('150.25', 'USD')).toBe(15025);
    expect(parseAmount('150', 'SAR')).toBe(15000);
    expect(parseAmount('300000', 'KRW')).toBe(300000);
    expect(parseAmount('1.5', 'KRW')).toBeNull();
    expect(parseAmount('1.2345', 'KWD')).toBeNull();
    expect(parseAmount('0', 'USD')).toBeNull();
  });

  it('are worth their KRW value at their own rate, rounded to the won', () => {
    // 1,000.00 SAR at 366.5 = 366,500 KRW; 10.01 USD at 1,333.33 = 13,346.6333 -> 13,347
    expect(krwValueOf(100000, 'SAR', '366.5')).toBe(366_500);
    expect(krwValueOf(1001, 'USD', '1333.33')).toBe(13_347);
    expect(krwValueOf(5000, 'KRW', 'ignored')).toBe(5000);
    expect(krwValueOf(100, 'USD', 'abc')).toBeNull();
  });
});

describe('the balance', () => {
  it('follows a deposit, a split payment in two currencies, a refund and a correction', () => {
    const book = ledger();
    // A deposit asked before the flight, by bank transfer in KRW.
    const deposit = book.enter({ kind: 'deposit', method: 'bank_transfer', amount: '500000' });
    let balance = balanceOf(book.records, quote);
    expect(balance).toMatchObject({ quotedKrw: 3_000_000, paidKrw: 500_000, depositKrw: 500_000, refundedKrw: 0, dueKrw: 2_500_000 });
    // The treatment day: part by card in KRW, part in dollars cash... here riyals, at their own rate.
    book.enter({ kind: 'payment', method: 'card', amount: '2000000' });
    const cash = book.enter({ kind: 'payment', method: 'foreign_cash', currency: 'SAR', amount: '1364.26', rate: SAR_RATE });
    expect(cash.krw).toBe(500_001); // 1,364.26 x 366.5 = 500,001.29
    balance = balanceOf(book.records, quote);
    expect(balance).toMatchObject({ paidKrw: 3_000_001, dueKrw: -1 });
    expect(balance.byCurrency).toEqual([
      { currency: 'KRW', amountMinor: 2_500_000 },
      { currency: 'SAR', amountMinor: 136426 },
    ]);
    // A session cancelled: 300,000 of the card payment refunded.
    const card = book.records[1]!;
    book.enter({ kind: 'refund', amount: '300000', refundOf: card.id, reason: 'session cancelled' });
    balance = balanceOf(book.records, quote);
    expect(balance).toMatchObject({ paidKrw: 3_000_001, refundedKrw: 300_000, dueKrw: 299_999 });
    // The SAR cash was keyed at the wrong rate: reversed, then entered again.
    book.reverse(cash.id, 'wrong rate');
    book.enter({ kind: 'payment', method: 'foreign_cash', currency: 'SAR', amount: '1364.26', rate: { ...SAR_RATE, krwPerUnit: '366.4' } });
    balance = balanceOf(book.records, quote);
    expect(balance).toMatchObject({ paidKrw: 2_999_865, refundedKrw: 300_000, dueKrw: 300_135, depositKrw: 500_000 });
    // Every record is still there: nothing was deleted.
    expect(book.records.map((record) => record.kind)).toEqual(['deposit', 'payment', 'payment', 'refund', 'correction', 'payment']);
    // In riyals at the quote's rate: 300,135 / 366.5 = 818.92
    expect(balance.home).toEqual({ currency: 'SAR', quoted: '8185.54', paid: '8185.17', refunded: '818.55', due: '818.92' });
    expect(deposit.quoteVersion).toBe(1);
  });

  it('is nothing paid and the whole quote due before any record; no quote sent is nothing quoted', () => {
    expect(balanceOf([], quote)).toMatchObject({ paidKrw: 0, dueKrw: 3_000_000, quoteVersion: 1 });
    expect(balanceOf([], null)).toMatchObject({ quotedKrw: 0, dueKrw: 0, quoteVersion: null, home: null });
  });

  it('keeps non-medical lines apart from the medical fee', () => {
    const book = ledger();
    book.enter({
      kind: 'payment',
      amount: '1000000',
      lines: [
        { service: 'medical', treatment: 'rejuran-healer', krw: 800_000 },
        { service: 'interpreting', krw: 200_000 },
      ],
    });
    expect(balanceOf(book.records, null).byService).toEqual({ medical: 800_000, interpreting: 200_000, transport: 0, lodging: 0 });
  });
});

describe('entering a record', () => {
  const patient = { records: [], quoteVersions: [1, 2], takenBy: 'Kim', today: TODAY };
  const entry = (fields: Record<string, unknown>) =>
    paymentEntrySchema.safeParse({ kind: 'payment', date: TODAY, method: 'card', currency: 'KRW', amount: '1000', ...fields });
  const codes = (fields: Record<string, unknown>) => {
    const parsed = entry(fields);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('needs a rate for another currency, a reason and a link for a refund, and no foreign cash in won', () => {
    expect(codes({ currency: 'SAR', amount: '100' })).toEqual(['rate:rate_required']);
    expect(codes({ rate: SAR_RATE })).toEqual(['rate:invalid']);
    expect(codes({ method: 'foreign_cash' })).toEqual(['method:invalid_choice']);
    expect(codes({ kind: 'refund' })).toEqual(['refundOf:required', 'reason:required']);
    expect(codes({ refundOf: 'p1' })).toEqual(['refundOf:invalid']);
    expect(codes({ amount: '10.5' })).toEqual(['amount:invalid']);
    expect(codes({ lines: [{ service: 'transport', treatment: 'rejuran-healer', krw: 1000 }] })).toEqual(['lines.0.treatment:invalid']);
    // An unknown currency is named as such, never read for its minor unit (Intl would throw).
    expect(codes({ currency: 'XXZ', amount: '1.5', rate: SAR_RATE })).toEqual(['currency:invalid_currency']);
    expect(codes({})).toEqual([]);
  });

  it('settles the latest quote sent unless told, and refuses a version never sent, a future date and lines that do not add up', () => {
    const made = recordFromEntry(entry({}).data!, patient);
    expect('record' in made && made.record.quoteVersion).toBe(2);
    const refused = recordFromEntry(
      entry({ quoteVersion: 3, date: '2027-03-11', lines: [{ service: 'medical', krw: 999 }] }).data!,
      patient,
    );
    expect('issues' in refused && refused.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual([
      'date:date_in_future',
      'lines:lines_do_not_add_up',
      'quoteVersion:invalid',
    ]);
  });

  it('refuses a refund over what is left of its payment, and a refund of a refund', () => {
    const book = ledger();
    const paid = book.enter({ kind: 'payment', amount: '100000' });
    const refund = book.enter({ kind: 'refund', amount: '60000', refundOf: paid.id, reason: 'cancelled' });
    expect(() => book.enter({ kind: 'refund', amount: '40001', refundOf: paid.id, reason: 'more' })).toThrow(/refund_exceeds_paid/);
    expect(() => book.enter({ kind: 'refund', amount: '1', refundOf: refund.id, reason: 'x' })).toThrow(/refundOf.*invalid/);
    // Once the first refund is reversed, its amount can be refunded again.
    book.reverse(refund.id);
    expect(book.enter({ kind: 'refund', amount: '100000', refundOf: paid.id, reason: 'all of it' }).krw).toBe(100_000);
  });

  it('reverses a record once, never a correction, and a payment only after its refunds', () => {
    const book = ledger();
    const paid = book.enter({ kind: 'payment', amount: '100000' });
    const refund = book.enter({ kind: 'refund', amount: '1000', refundOf: paid.id, reason: 'x' });
    expect(() => book.reverse(paid.id)).toThrow(/reverse_refunds_first/);
    const correction = book.reverse(refund.id);
    expect(correction).toMatchObject({ kind: 'correction', linkedTo: refund.id, krw: 1000, reason: 'entered twice' });
    expect(() => book.reverse(refund.id)).toThrow(/already_reversed/);
    expect(() => book.reverse(correction.id)).toThrow(/invalid/);
    const patient = { records: book.records, quoteVersions: [], takenBy: 'Kim', today: TODAY };
    expect(reversalOf(paid.id, '  ', patient)).toEqual({ issues: [{ path: ['reason'], code: 'required' }] });
  });
});

describe('receipt numbers', () => {
  it('read back as the branch, year and sequence they were made from', () => {
    expect(formatReceiptNumber('main', 2027, 42)).toBe('2027-main-000042');
    expect(parseReceiptNumber('2027-main-000042')).toEqual({ branch: 'main', year: 2027, sequence: 42 });
    expect(parseReceiptNumber('2027-main-42')).toBeNull();
  });
});
