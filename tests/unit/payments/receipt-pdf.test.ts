// The receipt as a PDF, made through the services and read back as a reader of it sees it (pdftotext): the
// passport name, the receipt number, the amount in the currency paid and in KRW, the rate, the account after it,
// in the patient's language beside Korean; a refund note names what it refunds and why.
import { writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf } from '../../../src/shared/contract';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { FIXED_NOW, fixtureIntake, openTempServices, type TempServices } from '../../support/temp-services';
import { pdfText } from '../handouts/pdf-tools';

let services: TempServices;
let patientId: string;
const folders: string[] = [];

const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
  const result = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
};
const pdfOf = (file: { pdfBase64: string }) => Buffer.from(file.pdfBase64, 'base64');

beforeEach(async () => {
  services = openTempServices();
  await services.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Park Ji-won', FIXED_NOW.toISOString()));
  const patient = {
    ...fixtureIntake('ar'),
    homeCurrency: 'SAR',
    trip: { arrival: '2026-11-20', departure: '2026-12-05', stayAddress: '' },
  };
  patientId = (await call('createPatient', { patient })).id;
  const plan = {
    items: [{ treatment: 'rejuran-healer' as const, date: '2026-11-25' }],
    rate: { krwPerUnit: '366.5', date: '2026-11-23', source: 'KEB Hana Bank' },
  };
  await call('savePatientPlan', { patientId, expectedVersion: 0, plan });
  await call('markQuoteSent', { patientId, expectedVersion: 1 });
});
afterEach(() => {
  services.dispose();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the receipt', () => {
  it('reads back with the passport name, the amount in SAR and in KRW, the rate and the balance, in Arabic beside Korean', async () => {
    const patient = (await call('getPatient', { id: patientId })).patient;
    const cash = await call('recordPayment', {
      patientId,
      entry: {
        kind: 'payment',
        date: '2026-11-24',
        method: 'foreign_cash',
        currency: 'SAR',
        amount: '500.00',
        rate: { krwPerUnit: '375', date: '2026-11-23', source: 'KEB Hana Bank' },
      },
    });
    const file = await call('makeReceipt', { patientId, paymentId: cash.id, language: 'ar', bilingual: true });
    expect(file.fileName).toMatch(new RegExp(`-receipt-${cash.receiptNumber}-ar-ko\\.pdf$`));
    const text = pdfText(pdfOf(file));
    expect(text).toContain(patient.names.latin);
    expect(text).toContain(cash.receiptNumber);
    // 500.00 SAR at 375 = 187,500 KRW; the quote of 300,000 less it leaves 112,500 due (306.96 SAR at 366.5).
    expect(text).toMatch(/500\.00/);
    expect(text).toMatch(/187,500/);
    expect(text).toMatch(/112,500/);
    expect(text).toMatch(/306\.96/);
    expect(text).toContain('KEB Hana Bank');
    expect(text).toContain('여권상 성명');
    expect(text).toContain('الاسم كما في جواز السفر');
    expect(text).toContain('수납자: Park Ji-won');
  });

  it('for a deposit before any quote was sent, owes nothing: no "due" line of minus what was paid', async () => {
    const other = (await call('createPatient', { patient: { ...fixtureIntake('en'), homeCurrency: 'USD' } })).id;
    const deposit = await call('recordPayment', {
      patientId: other,
      entry: { kind: 'deposit', date: '2026-11-20', method: 'bank_transfer', currency: 'KRW', amount: '200000' },
    });
    const text = pdfText(pdfOf(await call('makeReceipt', { patientId: other, paymentId: deposit.id, language: 'en', bilingual: true })));
    expect(text).toMatch(/200,000/);
    expect(text).not.toMatch(/-\s*₩?\s*200,000/);
    expect(text).not.toMatch(/Balance due|Due\b/);
  });

  it('as a refund note names the receipt it refunds and why; the export is written and audited', async () => {
    const card = await call('recordPayment', {
      patientId,
      entry: { kind: 'payment', date: '2026-11-24', method: 'card', currency: 'KRW', amount: '300000' },
    });
    const refund = await call('recordPayment', {
      patientId,
      entry: {
        kind: 'refund',
        date: '2026-11-24',
        method: 'card',
        currency: 'KRW',
        amount: '100000',
        refundOf: card.id,
        reason: 'session cancelled',
      },
    });
    const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-receipts-'));
    folders.push(folder);
    const exported = await call('exportReceipt', { patientId, paymentId: refund.id, language: 'en', bilingual: true, folder });
    const text = pdfText(readFileSync(exported.path));
    expect(text).toContain('Refund note');
    expect(text).toContain(`Refund of receipt ${card.receiptNumber}. Reason: session cancelled`);
    expect(text).toContain('환불 확인서');
    const history = await call('auditHistory', { patientId });
    expect(history.entries.at(-1)).toMatchObject({ action: 'export', fields: [`receipt-${refund.receiptNumber}-en-ko`] });
    expect(
      await services.dispatch('makeReceipt', {
        patientId,
        paymentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        language: 'en',
        bilingual: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['paymentId'], code: 'invalid' }] },
    });
  });

  it.runIf(process.env.RECEIPT_PAGES)('writes sample receipts to look at (RECEIPT_PAGES=<folder>)', async () => {
    const cash = await call('recordPayment', {
      patientId,
      entry: {
        kind: 'payment',
        date: '2026-11-24',
        method: 'foreign_cash',
        currency: 'SAR',
        amount: '500.00',
        rate: { krwPerUnit: '375', date: '2026-11-23', source: 'KEB Hana Bank' },
      },
    });
    for (const language of ['ar', 'th', 'ja', 'zh-Hans'] as const) {
      const file = await call('makeReceipt', { patientId, paymentId: cash.id, language, bilingual: true });
      writeFileSync(join(process.env.RECEIPT_PAGES!, `receipt-${language}.pdf`), pdfOf(file));
    }
  });
});
