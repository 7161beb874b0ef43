// A receipt as a PDF, in the patient's language alone or with Korean beside it, on the handouts' page (header with
// the clinic and the patient's names, footer, page numbers): the same drawing as every handout, the receipt's own
// blocks (kinds/receipt.ts).
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import type { LanguageTag } from '../../shared/domain/intake/vocabulary';
import { bilingual, type Slot } from './layout/handout-blocks';
import { drawHandout } from './layout/draw-handout';
import { formatsFor } from './kinds/formats';
import { buildReceipt, receiptTitle, type ReceiptInput } from './kinds/receipt';
import { fill, languageTexts, type LanguageTexts } from './texts/handout-texts';

export interface ReceiptRequest {
  readonly language: LanguageTag;
  /** Korean beside the patient's language (ignored for a Korean receipt). */
  readonly bilingual: boolean;
}

export function receiptBlocks(input: ReceiptInput, request: ReceiptRequest) {
  const build = (language: LanguageTag) => {
    const texts = languageTexts(language, input.catalog, input.rules);
    return { texts, blocks: buildReceipt(input, texts, formatsFor(language)) };
  };
  const patient = build(request.language);
  if (!request.bilingual || request.language === 'ko') return { blocks: patient.blocks, languages: [patient.texts] };
  const korean = build('ko');
  return { blocks: bilingual(patient.blocks, korean.blocks), languages: [patient.texts, korean.texts] };
}

export async function makeReceipt(input: ReceiptInput, request: ReceiptRequest): Promise<Buffer> {
  const { blocks, languages } = receiptBlocks(input, request);
  const slot = (text: (texts: LanguageTexts) => string): Slot => languages.map((texts) => ({ text: text(texts), lang: texts.language }));
  return drawHandout(
    {
      language: request.language,
      title: slot((texts) => receiptTitle(input.record, texts.handout.receipt)),
      // The day it was printed; the receipt's own number and date paid open its body.
      subtitle: slot((texts) =>
        fill(texts.handout.common.issued, { date: formatsFor(texts.language).date(todayIn(CLINIC_TIME_ZONE, input.now)) }),
      ),
      clinicName: input.settings.clinicName,
      logo: input.settings.logo ? Buffer.from(input.settings.logo.slice(input.settings.logo.indexOf(',') + 1), 'base64') : null,
      patientNative: { text: input.patient.names.native, lang: input.patient.languages[0] ?? request.language },
      patientLatin: input.patient.names.latin,
      // A receipt is not advice: its footer line is the clinic's address, where the patient can ask about it.
      disclaimer: slot(() =>
        [input.settings.clinicName, input.settings.contact.address, input.settings.contact.phone].filter((part) => part !== '').join(' · '),
      ),
      pageLabel: (page, pages) => slot((texts) => fill(texts.handout.common.page, { page, pages })),
      createdAt: input.now,
      mark: null,
    },
    blocks,
  );
}
