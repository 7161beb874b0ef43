import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agencyRefusals, type AgencyInput } from '../../../src/shared/domain/payments/agency';
import { commissionOf } from '../../../src/shared/domain/payments/commission';
import { CLINIC_KINDS, capFor, commissionCapsSchema, type ClinicKind } from '../../../src/shared/domain/payments/commission-caps';
import { ledger, TODAY } from './payment-fixtures';

const caps = commissionCapsSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/rules/commission-caps.json'), 'utf8')),
);
const agency = (terms: AgencyInput['terms'], registrationExpires = '2028-12-31'): AgencyInput => ({
  name: 'Gulf Care Travel',
  registrationNumber: 'A-2024-0117',
  registrationExpires,
  contact: '',
  terms,
});

/** 10,000,000 KRW of treatment and 1,000,000 of interpreting, transport and lodging received. */
function paidWithServices() {
  const book = ledger();
  book.enter({
    kind: 'payment',
    amount: '11000000',
    lines: [
      { service: 'medical', treatment: 'rejuran-healer', krw: 6_000_000 },
      { service: 'medical', treatment: 'ultherapy', krw: 4_000_000 },
      { service: 'interpreting', krw: 500_000 },
      { service: 'transport', krw: 300_000 },
      { service: 'lodging', krw: 200_000 },
    ],
  });
  return book;
}

describe('the legal cap on agency commissions', () => {
  it('is data with a readable citation of the Ministry notice in force since 2017-02-15', () => {
    const cap = capFor(caps, 'clinic');
    expect(cap.citation.kind).toBe('reference');
    expect(cap.citation.text.en).toContain('보건복지부');
    expect(cap.citation.text.en).toContain('2017-02-15');
    expect(cap.inForceSince).toBe('2017-02-15');
  });

  it.each([
    ['clinic', 30, 3_000_000],
    ['hospital', 20, 2_000_000],
    ['general_hospital', 20, 2_000_000],
    ['tertiary_hospital', 15, 1_500_000],
  ] as const)('at a %s: %i%% of the medical fee received, interpreting, transport and lodging left out', (kind, percent, capKrw) => {
    const cap = capFor(caps, kind);
    expect(cap.maxPercent).toBe(percent);
    // An agency asking 35% is held to the cap, and flagged.
    const over = commissionOf(paidWithServices().records, agency({ kind: 'rate', percent: 35 }), cap, TODAY);
    expect(over).toEqual({
      medicalKrw: 10_000_000,
      excludedKrw: 1_000_000,
      termsKrw: 3_500_000,
      capKrw,
      owedKrw: capKrw,
      flags: ['commission_over_cap'],
    });
    // At exactly the cap: owed in full, no flag.
    const at = commissionOf(paidWithServices().records, agency({ kind: 'rate', percent }), cap, TODAY);
    expect(at).toMatchObject({ owedKrw: capKrw, flags: [] });
  });

  it('counts payments received, net of refunds and corrections, never the quote', () => {
    const book = paidWithServices();
    const first = book.records[0]!;
    book.enter({
      kind: 'refund',
      amount: '2000000',
      refundOf: first.id,
      reason: 'cancelled',
      lines: [{ service: 'medical', treatment: 'ultherapy', krw: 2_000_000 }],
    });
    const mistaken = book.enter({ kind: 'payment', amount: '5000000' });
    book.reverse(mistaken.id);
    const commission = commissionOf(book.records, agency({ kind: 'rate', percent: 10 }), capFor(caps, 'clinic'), TODAY);
    expect(commission).toMatchObject({ medicalKrw: 8_000_000, termsKrw: 800_000, owedKrw: 800_000 });
  });

  it('pays a fixed fee per treatment paid for, within the cap', () => {
    const fees = agency({ kind: 'fixed', feesKrw: { 'rejuran-healer': 500_000, ultherapy: 400_000, 'laser-toning': 100_000 } });
    expect(commissionOf(paidWithServices().records, fees, capFor(caps, 'tertiary_hospital'), TODAY)).toMatchObject({
      termsKrw: 900_000,
      owedKrw: 900_000,
      flags: [],
    });
  });

  it('owes nothing to an agency whose registration expired, and says why', () => {
    const expired = commissionOf(
      paidWithServices().records,
      agency({ kind: 'rate', percent: 10 }, '2027-03-09'),
      capFor(caps, 'clinic'),
      TODAY,
    );
    expect(expired).toMatchObject({ termsKrw: 1_000_000, owedKrw: 0, flags: ['registration_expired'] });
    // Valid through its last day.
    expect(
      commissionOf(paidWithServices().records, agency({ kind: 'rate', percent: 10 }, TODAY), capFor(caps, 'clinic'), TODAY).owedKrw,
    ).toBe(1_000_000);
  });
});

describe('saving an agency', () => {
  const refusals = (terms: AgencyInput['terms'], kind: ClinicKind, expires?: string) =>
    agencyRefusals(agency(terms, expires), capFor(caps, kind), TODAY, { 'rejuran-healer': 400_000 }).map(
      (r) => `${r.path.join('.')}:${r.code}`,
    );

  it('refuses a rate over the cap of the clinic kind, beside the rate', () => {
    expect(refusals({ kind: 'rate', percent: 30 }, 'clinic')).toEqual([]);
    expect(refusals({ kind: 'rate', percent: 30.01 }, 'clinic')).toEqual(['terms.percent:commission_over_cap']);
    expect(refusals({ kind: 'rate', percent: 20 }, 'hospital')).toEqual([]);
    expect(refusals({ kind: 'rate', percent: 20 }, 'tertiary_hospital')).toEqual(['terms.percent:commission_over_cap']);
  });

  it('refuses a fixed fee over the cap share of the treatment price, and an expired registration', () => {
    // 15% of 400,000 is 60,000.
    expect(refusals({ kind: 'fixed', feesKrw: { 'rejuran-healer': 60_000 } }, 'tertiary_hospital')).toEqual([]);
    expect(refusals({ kind: 'fixed', feesKrw: { 'rejuran-healer': 60_001 } }, 'tertiary_hospital')).toEqual([
      'terms.feesKrw.rejuran-healer:commission_over_cap',
    ]);
    expect(refusals({ kind: 'rate', percent: 10 }, 'clinic', '2027-03-09')).toEqual(['registrationExpires:registration_expired']);
  });

  it('has one cap for every clinic kind', () => {
    for (const kind of CLINIC_KINDS) expect(capFor(caps, kind).maxPercent).toBeGreaterThan(0);
    const missing = { ...caps, caps: caps.caps.filter((cap) => cap.clinicKind !== 'hospital') };
    expect(commissionCapsSchema.safeParse(missing).success).toBe(false);
  });
});
