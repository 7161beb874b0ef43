// A receipt (or refund or correction note) for one payment record, after the standard Korean medical fee receipt
// (진료비 계산서·영수증) where it applies: the receipt's number and date, the patient's name as in the passport,
// this payment (method, amount in the currency paid, the rate with its date and source, the KRW value), what it
// pays for, VAT, and the account after it (quoted, paid, refunded, due) in KRW and in the home currency at the
// quote's rate. Blocks only; the page is drawn by layout/draw-handout.ts.
import type { Catalog } from '../../../shared/domain/catalog/catalog-schema';
import type { PatientIntake } from '../../../shared/domain/intake/patient-schema';
import type { Balance } from '../../../shared/domain/payments/balance';
import type { PaymentRecord } from '../../../shared/domain/payments/payment-record';
import type { Rule } from '../../../shared/domain/rules/rule-schema';
import type { ClinicSettings } from '../../../shared/domain/settings/clinic-settings';
import type { Block, Slot } from '../layout/handout-blocks';
import { fill, type LanguageTexts } from '../texts/handout-texts';
import { one, type Formats } from './handout-input';

export interface ReceiptInput {
  readonly patient: PatientIntake;
  readonly settings: ClinicSettings;
  readonly catalog: Catalog;
  /** The handout texts are read per language once, with the rules' messages (texts/handout-texts.ts). */
  readonly rules: readonly Rule[];
  readonly record: PaymentRecord;
  /** The record a refund refunds or a correction reverses. */
  readonly linked: PaymentRecord | null;
  /** The account as it stood once this record was kept (the records up to and including it). */
  readonly balance: Balance;
  /** VAT as the quote the payment settles states it; null without a quote sent. */
  readonly vat: { readonly percent: number; readonly pricesIncludeVat: boolean } | null;
  readonly now: Date;
}

export type ReceiptWords = LanguageTexts['handout']['receipt'];

export const receiptTitle = (record: PaymentRecord, words: ReceiptWords): string =>
  record.kind === 'refund' ? words.refundTitle : record.kind === 'correction' ? words.correctionTitle : words.title;

export function buildReceipt(input: ReceiptInput, texts: LanguageTexts, formats: Formats): Block[] {
  const words = texts.handout.receipt;
  const { record, balance } = input;
  const krw = (amount: number) => formats.money(BigInt(amount), 'KRW');
  const row = (label: string, value: string): Slot[] => [one(label, texts), one(value, texts)];
  const payment: Slot[][] = [
    row(words.method, words.methods[record.method]),
    row(words.amount, formats.money(BigInt(record.amountMinor), record.currency)),
  ];
  if (record.rate) {
    payment.push(
      row(
        words.rate,
        fill(words.rateValue, {
          rate: record.rate.krwPerUnit,
          currency: record.currency,
          date: formats.date(record.rate.date),
          source: record.rate.source,
        }),
      ),
      row(words.krwValue, krw(record.krw)),
    );
  }
  const lineName = (line: PaymentRecord['lines'][number]) =>
    line.service !== 'medical' ? words.services[line.service] : line.treatment ? texts.treatment(line.treatment).name : words.medicalFee;

  const home = balance.home;
  const homeMoney = (decimal: string) => (home ? formats.money(BigInt(decimal.replace('.', '')), home.currency) : '');
  const accountRow = (label: string, amount: number, inHome: string | undefined): Slot[] =>
    home ? [one(label, texts), one(krw(amount), texts), one(homeMoney(inHome ?? '0'), texts)] : row(label, krw(amount));

  const blocks: Block[] = [
    { type: 'paragraph', tone: 'strong', text: one(fill(words.number, { number: record.receiptNumber }), texts) },
    { type: 'paragraph', text: one(fill(words.date, { date: formats.date(record.date) }), texts) },
    { type: 'paragraph', text: one(fill(words.passportName, { name: input.patient.names.latin }), texts) },
  ];
  if (record.kind === 'refund' && input.linked) {
    blocks.push({
      type: 'paragraph',
      text: one(fill(words.refundOf, { number: input.linked.receiptNumber, reason: record.reason }), texts),
    });
  }
  if (record.kind === 'correction' && input.linked) {
    blocks.push({
      type: 'paragraph',
      tone: 'warning',
      text: one(fill(words.reverses, { number: input.linked.receiptNumber, reason: record.reason }), texts),
    });
  }
  blocks.push(
    { type: 'heading', level: 1, text: one(words.thisPayment, texts) },
    {
      type: 'table',
      widths: [0.4, 0.6],
      align: ['start', 'end'],
      header: [one(words.item, texts), one(words.amount, texts)],
      rows: payment,
    },
    { type: 'heading', level: 2, text: one(words.settles, texts) },
    {
      type: 'table',
      widths: [0.6, 0.4],
      align: ['start', 'end'],
      header: [one(words.item, texts), one(words.inKrw, texts)],
      rows: record.lines.map((line) => row(lineName(line), krw(line.krw))),
    },
  );
  if (input.vat?.pricesIncludeVat)
    blocks.push({ type: 'paragraph', text: one(fill(words.vatIncluded, { percent: input.vat.percent }), texts) });
  blocks.push(
    { type: 'heading', level: 1, text: one(words.account, texts) },
    {
      type: 'table',
      widths: home ? [0.46, 0.27, 0.27] : [0.6, 0.4],
      align: home ? ['start', 'end', 'end'] : ['start', 'end'],
      header: home
        ? [one(words.item, texts), one(words.inKrw, texts), one(fill(words.inHome, { currency: home.currency }), texts)]
        : [one(words.item, texts), one(words.inKrw, texts)],
      rows: [
        accountRow(
          balance.quoteVersion === null ? words.noQuote : fill(words.quoted, { version: balance.quoteVersion }),
          balance.quotedKrw,
          home?.quoted,
        ),
        accountRow(words.paid, balance.paidKrw, home?.paid),
        accountRow(words.refunded, balance.refundedKrw, home?.refunded),
        // Before any quote is sent (a deposit ahead of the visit) nothing is owed yet: a "due" of minus what was
        // paid would read to the patient as a debt.
        ...(balance.quoteVersion === null ? [] : [accountRow(words.due, balance.dueKrw, home?.due)]),
      ],
    },
  );
  if (home) blocks.push({ type: 'paragraph', text: one(fill(words.homeNote, { currency: home.currency }), texts) });
  blocks.push({ type: 'paragraph', text: one(fill(words.takenBy, { name: record.takenBy }), texts) });
  return blocks;
}
