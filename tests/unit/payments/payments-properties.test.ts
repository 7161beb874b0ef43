// Property tests: the balance is a function of the set of records, not of their order, and what it calls paid
// less refunded is the sum of the money that came in less the money that went out, corrections taking back
// exactly what they reverse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOf } from '../../../src/shared/domain/payments/balance';
import { isMoneyIn, type PaymentRecord } from '../../../src/shared/domain/payments/payment-record';
import { ledger } from './payment-fixtures';

type Step =
  | { op: 'pay'; deposit: boolean; amount: number; foreign: boolean }
  | { op: 'refund'; pick: number; share: number }
  | { op: 'reverse'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('pay' as const),
    deposit: fc.boolean(),
    amount: fc.integer({ min: 1, max: 50_000_000 }),
    foreign: fc.boolean(),
  }),
  fc.record({ op: fc.constant('refund' as const), pick: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
);

/** Plays the steps through the domain's own entry rules, skipping what they refuse. */
function play(steps: readonly Step[]): PaymentRecord[] {
  const book = ledger();
  for (const s of steps) {
    try {
      if (s.op === 'pay') {
        book.enter(
          s.foreign
            ? {
                kind: s.deposit ? 'deposit' : 'payment',
                method: 'foreign_cash',
                currency: 'USD',
                amount: (s.amount / 100).toFixed(2),
                rate: { krwPerUnit: '1333.7', date: '2027-03-09', source: 'bank' },
              }
            : { kind: s.deposit ? 'deposit' : 'payment', amount: String(s.amount) },
        );
      } else if (s.op === 'refund') {
        const paid = book.records.filter((r) => isMoneyIn(r.kind));
        const target = paid[s.pick % Math.max(1, paid.length)];
        if (target)
          book.enter({ kind: 'refund', amount: String(Math.max(1, Math.floor(target.krw * s.share))), refundOf: target.id, reason: 'r' });
      } else {
        const target = book.records[s.pick % Math.max(1, book.records.length)];
        if (target) book.reverse(target.id);
      }
    } catch {
      // Refused by the rules (a refund over what is left, a second reversal): not a record.
    }
  }
  return book.records;
}

describe('payments, whatever the order of the records', () => {
  it('paid less refunded is the sum of payments less refunds, corrections taking back what they reverse', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const records = play(steps);
        const reversed = new Set(records.filter((r) => r.kind === 'correction').map((r) => r.linkedTo));
        const standing = records.filter((r) => r.kind !== 'correction' && !reversed.has(r.id));
        const sum = (kind: (r: PaymentRecord) => boolean) => standing.filter(kind).reduce((total, r) => total + r.krw, 0);
        const balance = balanceOf(records, null);
        expect(balance.paidKrw).toBe(sum((r) => isMoneyIn(r.kind)));
        expect(balance.refundedKrw).toBe(sum((r) => r.kind === 'refund'));
        expect(balance.paidKrw - balance.refundedKrw).toBe(sum((r) => isMoneyIn(r.kind)) - sum((r) => r.kind === 'refund'));
        // A refund never exceeds what it refunds: nothing paid is ever negative.
        expect(balance.paidKrw - balance.refundedKrw).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same balance for every order of the same records', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 30 }).chain((steps) => {
          const records = play(steps);
          return fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }));
        }),
        ([records, shuffled]) => {
          const quote = { version: 1, totalKrw: 100_000_000, home: { currency: 'USD', krwPerUnit: '1333.7' } };
          expect(balanceOf(shuffled, quote)).toEqual(balanceOf(records, quote));
        },
      ),
      { numRuns: 300 },
    );
  });
});
