// Receipts: one payment record's receipt (or refund or correction note) as a PDF in the patient's language beside
// Korean, with the account as it stood once that record was kept. Read in one snapshot, drawn outside it; an export
// writes the file whole or not at all and is audited.
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import type { LanguageTag } from '../../shared/domain/intake/vocabulary';
import { balanceOf } from '../../shared/domain/payments/balance';
import { clinicalContent } from '../content/clinical-content';
import type { Repositories } from '../db/store/store';
import { writePrivateFile } from '../files/write-private-file';
import type { ReceiptInput } from '../handouts/kinds/receipt';
import { makeReceipt, type ReceiptRequest } from '../handouts/make-receipt';
import { latestQuoted } from './payments-service';
import { patientFileStem } from './patients-service';
import { clinicSettingsOf, quoteVersionsOf } from './plan-service';
import type { ServiceContext } from './service-context';

export const receiptFileName = (stem: string, receiptNumber: string, request: ReceiptRequest): string =>
  `${stem}-receipt-${receiptNumber}-${request.language}${request.bilingual && request.language !== 'ko' ? '-ko' : ''}.pdf`;

export function createReceiptsService(context: ServiceContext) {
  const inputIn = async (tx: Repositories, patientId: string, paymentId: string) => {
    const stored = await tx.patients.get(patientId);
    const seq = await tx.patients.seqOf(patientId);
    if (!stored || seq === undefined) return { found: false, refusal: fail('not_found', `No patient with id ${patientId}.`) } as const;
    const records = await tx.payments.ofPatient(seq);
    const at = records.findIndex((record) => record.id === paymentId);
    if (at < 0) return { found: false, refusal: invalid([issue(['paymentId'], 'invalid')]) } as const;
    const record = records[at]!;
    // The account once this record was kept: a reprinted receipt says what it said the day it was given.
    const quoted = await latestQuoted(tx, seq);
    const settled = (await quoteVersionsOf(tx, seq)).find((version) => version.version === record.quoteVersion);
    const { catalog, rules } = clinicalContent();
    const input: ReceiptInput = {
      patient: stored.patient,
      settings: await clinicSettingsOf(tx),
      catalog,
      rules,
      record,
      linked: records.find((other) => other.id === record.linkedTo) ?? null,
      balance: balanceOf(records.slice(0, at + 1), quoted),
      vat: settled ? { percent: settled.quote.vatPercent, pricesIncludeVat: settled.quote.pricesIncludeVat } : null,
      now: context.now(),
    };
    return { found: true, input, stem: patientFileStem(stored.patient, patientId) } as const;
  };

  const render = async (patientId: string, paymentId: string, language: LanguageTag, bilingual: boolean) => {
    const found = await context.store.read((tx) => inputIn(tx, patientId, paymentId));
    if (!found.found) return found;
    const request: ReceiptRequest = { language, bilingual };
    const pdf = await makeReceipt(found.input, request);
    return { ...found, pdf, fileName: receiptFileName(found.stem, found.input.record.receiptNumber, request) };
  };

  const handlers = {
    async makeReceipt({ patientId, paymentId, language, bilingual }) {
      const made = await render(patientId, paymentId, language, bilingual);
      if (!made.found) return made.refusal;
      return ok({ fileName: made.fileName, pdfBase64: made.pdf.toString('base64'), bytes: made.pdf.length });
    },

    async exportReceipt({ patientId, paymentId, language, bilingual, folder }) {
      const made = await render(patientId, paymentId, language, bilingual);
      if (!made.found) return made.refusal;
      const path = join(folder, made.fileName);
      try {
        writePrivateFile(path, made.pdf);
      } catch {
        return invalid([issue(['folder'], 'folder_not_writable')]);
      }
      await context.store.transaction((tx) =>
        tx.audit.record('export', patientId, [
          `receipt-${made.input.record.receiptNumber}-${language}${bilingual && language !== 'ko' ? '-ko' : ''}`,
        ]),
      );
      return ok({ path, bytes: made.pdf.length });
    },
  } satisfies Pick<Handlers, 'makeReceipt' | 'exportReceipt'>;
  return handlers;
}
