// Payments through the services, as a door calls them: records numbered for their receipts in the transaction
// that keeps them, with their audit entries; the balance against the quote sent; refunds and corrections as
// records, the originals kept; agencies refused beside the field over the cap; a referred patient's commission.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { FIXED_NOW, fixtureIntake, openTempServices, type TempServices } from '../../support/temp-services';

let services: TempServices;
let patientId: string;

const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
};
const SAR = { krwPerUnit: '375', date: '2026-11-23', source: 'KEB Hana Bank' };
type Entry = InputOf<'recordPayment'>['entry'];
const pay = (entry: Partial<Entry> & Pick<Entry, 'kind' | 'amount'>) =>
  call('recordPayment', { patientId, entry: { date: '2026-11-24', method: 'card', currency: 'KRW', ...entry } });

beforeEach(async () => {
  services = openTempServices();
  await services.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Park Ji-won', FIXED_NOW.toISOString()));
  const patient = {
    ...fixtureIntake('ar'),
    homeCurrency: 'SAR',
    trip: { arrival: '2026-11-20', departure: '2026-12-05', stayAddress: '' },
    referral: { route: 'agency' as const, agencyName: 'Gulf Care Travel', agencyRegistrationNumber: 'A-2024-0117' },
  };
  patientId = (await call('createPatient', { patient })).id;
  // Rejuran (300,000), Fraxel (400,000), Water-shine (200,000) and a HydraFacial (100,000) at the default prices:
  // 1,000,000 KRW with VAT, sent at 366.5 KRW/SAR.
  const plan = {
    items: [
      { treatment: 'hydrafacial' as const, date: '2026-11-24' },
      { treatment: 'rejuran-healer' as const, date: '2026-11-25' },
      { treatment: 'water-shine' as const, date: '2026-11-26' },
      { treatment: 'fraxel' as const, date: '2026-11-27' },
    ],
    rate: { krwPerUnit: '366.5', date: '2026-11-23', source: 'KEB Hana Bank' },
  };
  await call('savePatientPlan', { patientId, expectedVersion: 0, plan });
  await call('markQuoteSent', { patientId, expectedVersion: 1 });
});
afterEach(() => services.dispose());

describe('payments through the services', () => {
  it('keep a deposit, a split payment in KRW and SAR, a refund and a correction as numbered records; the balance follows', async () => {
    expect(await call('getBalance', { patientId })).toMatchObject({ quoteVersion: 1, quotedKrw: 1_000_000, paidKrw: 0, dueKrw: 1_000_000 });
    const deposit = await pay({ kind: 'deposit', method: 'bank_transfer', amount: '200000', date: '2026-11-10' });
    const card = await pay({ kind: 'payment', amount: '500000' });
    const cash = await pay({ kind: 'payment', method: 'foreign_cash', currency: 'SAR', amount: '800.00', rate: SAR });
    expect(cash).toMatchObject({ amountMinor: 80000, krw: 300_000, rate: SAR, takenBy: 'Park Ji-won', quoteVersion: 1 });
    expect(await call('getBalance', { patientId })).toMatchObject({ paidKrw: 1_000_000, depositKrw: 200_000, dueKrw: 0 });

    const refund = await pay({ kind: 'refund', amount: '100000', refundOf: card.id, reason: 'Fraxel session reduced' });
    const correction = await call('reversePayment', { patientId, paymentId: deposit.id, reason: 'the transfer bounced' });
    expect(correction).toMatchObject({ kind: 'correction', linkedTo: deposit.id, krw: 200_000 });

    const { records, balance } = await call('listPayments', { patientId });
    expect(records.map((record) => [record.kind, record.receiptNumber, record.reversed])).toEqual([
      ['deposit', '2026-main-000001', true],
      ['payment', '2026-main-000002', false],
      ['payment', '2026-main-000003', false],
      ['refund', '2026-main-000004', false],
      ['correction', '2026-main-000005', false],
    ]);
    expect(refund.linkedTo).toBe(card.id);
    // 1,000,000 quoted - 800,000 paid + 100,000 refunded; in riyals at the quote's rate of 366.5.
    expect(balance).toMatchObject({ paidKrw: 800_000, refundedKrw: 100_000, dueKrw: 300_000, depositKrw: 0 });
    expect(balance.home).toEqual({ currency: 'SAR', quoted: '2728.51', paid: '2182.81', refunded: '272.85', due: '818.55' });
    expect(balance.byCurrency).toEqual([
      { currency: 'KRW', amountMinor: 400_000 },
      { currency: 'SAR', amountMinor: 80000 },
    ]);

    const history = await call('auditHistory', { patientId });
    const entries = history.entries.filter((entry) => entry.action.startsWith('payment.'));
    expect(entries.map((entry) => [entry.action, entry.fields])).toEqual([
      ['payment.record', ['receipt-2026-main-000001']],
      ['payment.record', ['receipt-2026-main-000002']],
      ['payment.record', ['receipt-2026-main-000003']],
      ['payment.record', ['receipt-2026-main-000004']],
      ['payment.reverse', ['receipt-2026-main-000005']],
    ]);
  });

  it('refuse a refund over what is left, a second reversal, a quote version never sent, beside the field; a refusal takes no number', async () => {
    const card = await pay({ kind: 'payment', amount: '500000' });
    const refused = await services.dispatch('recordPayment', {
      patientId,
      entry: { kind: 'refund', date: '2026-11-24', method: 'card', currency: 'KRW', amount: '500001', refundOf: card.id, reason: 'x' },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['entry', 'amount'], code: 'refund_exceeds_paid' }] },
    });
    const unsent = await services.dispatch('recordPayment', {
      patientId,
      entry: { kind: 'payment', date: '2026-11-24', method: 'card', currency: 'KRW', amount: '1', quoteVersion: 2 },
    });
    expect(unsent).toMatchObject({ ok: false, error: { issues: [{ path: ['entry', 'quoteVersion'], code: 'invalid' }] } });
    await call('reversePayment', { patientId, paymentId: card.id, reason: 'entered twice' });
    expect(await services.dispatch('reversePayment', { patientId, paymentId: card.id, reason: 'again' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['paymentId'], code: 'already_reversed' }] },
    });
    const next = await pay({ kind: 'payment', amount: '1000' });
    expect(next.receiptNumber).toBe('2026-main-000003');
  });

  it('never change or delete a kept record in the database', async () => {
    await pay({ kind: 'payment', amount: '500000' });
    const db = services.context.db!;
    expect(() => db.prepare('UPDATE payments SET krw = 1').run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM payments').run()).toThrow(/never changed/);
  });
});

describe('agencies through the services', () => {
  const agency = (percent: number, registrationExpires = '2028-12-31') => ({
    name: 'Gulf Care Travel',
    registrationNumber: 'A-2024-0117',
    registrationExpires,
    terms: { kind: 'rate' as const, percent },
  });

  it('refuse a commission over the cap for the clinic kind and an expired registration, beside the field', async () => {
    expect(await services.dispatch('saveAgency', { agency: agency(35) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['agency', 'terms', 'percent'], code: 'commission_over_cap' }] },
    });
    expect(await services.dispatch('saveAgency', { agency: agency(10, '2026-11-23') })).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['agency', 'registrationExpires'], code: 'registration_expired' }] },
    });
    const saved = await call('saveAgency', { agency: agency(30) });
    expect(saved).toMatchObject({ version: 1, flags: [] });
    // A tertiary hospital's cap is 15%: the same agency is flagged once the clinic's kind says so.
    const settings = await call('getClinicSettings', {});
    await call('saveClinicSettings', { settings: { ...settings, clinicKind: 'tertiary_hospital' } });
    const { agencies, cap } = await call('listAgencies', {});
    expect(cap).toMatchObject({ clinicKind: 'tertiary_hospital', maxPercent: 15, inForceSince: '2017-02-15' });
    expect(agencies.map((listed) => listed.flags)).toEqual([['commission_over_cap']]);
    expect(await services.dispatch('saveAgency', { id: saved.id, expectedVersion: 1, agency: agency(20) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const changed = await call('saveAgency', { id: saved.id, expectedVersion: 1, agency: agency(15) });
    expect(changed).toMatchObject({ version: 2, flags: [] });
    expect(await services.dispatch('saveAgency', { id: saved.id, expectedVersion: 1, agency: agency(12) })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('owe the referring agency its share of the medical fee received, interpreting left out', async () => {
    await call('saveAgency', { agency: agency(20) });
    await pay({
      kind: 'payment',
      amount: '1100000',
      lines: [
        { service: 'medical', treatment: 'rejuran-healer', krw: 1_000_000 },
        { service: 'interpreting', krw: 100_000 },
      ],
    });
    const { agency: referred, commission } = await call('getPatientCommission', { patientId });
    expect(referred?.registrationNumber).toBe('A-2024-0117');
    expect(commission).toMatchObject({ medicalKrw: 1_000_000, excludedKrw: 100_000, owedKrw: 200_000, capKrw: 300_000, flags: [] });
  });
});
