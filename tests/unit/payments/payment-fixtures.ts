// Records for the payment tests, built through the domain's own entry path (recordFromEntry), so a fixture is
// never a record the app could not make.
import { recordFromEntry, reversalOf, type PaymentEntry } from '../../../src/shared/domain/payments/payment-entry';
import type { PaymentRecord } from '../../../src/shared/domain/payments/payment-record';

export const TODAY = '2027-03-10';

export function ledger() {
  const records: PaymentRecord[] = [];
  let next = 1;
  const patient = (quoteVersions: number[] = [1]) => ({ records, quoteVersions, takenBy: 'Kim', today: TODAY });
  const keep = (record: Omit<PaymentRecord, 'id' | 'receiptNumber' | 'recordedAt'>): PaymentRecord => {
    const kept = {
      ...record,
      id: `p${next}`,
      receiptNumber: `2027-main-${String(next).padStart(6, '0')}`,
      recordedAt: `${TODAY}T01:00:0${next}Z`,
    };
    next += 1;
    records.push(kept);
    return kept;
  };
  return {
    records,
    enter(entry: Partial<PaymentEntry> & Pick<PaymentEntry, 'kind' | 'amount'>): PaymentRecord {
      const made = recordFromEntry({ date: TODAY, method: 'card', currency: 'KRW', reason: '', ...entry }, patient());
      if ('issues' in made) throw new Error(`refused: ${JSON.stringify(made.issues)}`);
      return keep(made.record);
    },
    reverse(id: string, reason = 'entered twice'): PaymentRecord {
      const made = reversalOf(id, reason, patient());
      if ('issues' in made) throw new Error(`refused: ${JSON.stringify(made.issues)}`);
      return keep(made.record);
    },
  };
}
