// Handouts for one patient: the saved plan, the clinic's settings and the clinical content go in, a PDF comes
// out (through the worker pool where the door set one up). Exporting writes the file whole or not at all.
import { join } from 'node:path';
import type { Handlers, Result } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import type { TreatmentId } from '../../shared/domain/catalog/catalog-schema';
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import { evaluatePlan } from '../../shared/domain/plan/evaluate-plan';
import { planSchema } from '../../shared/domain/plan/plan-schema';
import { heldVersion } from '../../shared/domain/plan/quote-versions';
import { missingPrices } from '../../shared/domain/plan/quote-view';
import { clinicalContent } from '../content/clinical-content';
import type { Repositories } from '../db/store/store';
import { defaultHandoutFolder } from '../files/documents-folder';
import { writePrivateFile } from '../files/write-private-file';
import { handoutQuote, type HandoutInput, type HandoutKind } from '../handouts/kinds/handout-input';
import type { HandoutRequest } from '../handouts/make-handout';
import { patientFileStem, refuseIfConsentWithdrawn, refuseIfRestricted } from './patients-service';
import { clinicSettingsOf, quoteVersionsOf } from './plan-service';
import type { ServiceContext } from './service-context';

export const handoutFileName = (stem: string, request: HandoutRequest): string =>
  `${stem}-${request.kind}-${request.language}${request.bilingual && request.language !== 'ko' ? '-ko' : ''}${request.draft ? '-draft' : ''}.pdf`;

/** Why this handout cannot be made as asked, or null: a draft is only a plan and quote, and a final plan and quote
 * has a price for every treatment on it (one issue per treatment without, naming it). */
export function refuseHandout(input: HandoutInput, request: HandoutRequest): Result<never> | null {
  if (request.draft && request.kind !== 'plan') return invalid([issue(['draft'], 'draft_only_plan')]);
  if (request.kind !== 'plan' || request.draft) return null;
  const quote = handoutQuote(input);
  const missing = missingPrices(quote);
  if (missing.length === 0) return null;
  const name = (id: TreatmentId) => input.catalog.find((treatment) => treatment.id === id)?.names.en ?? id;
  return invalid(
    missing.map((id) => ({
      ...issue(['settings', 'prices', id], 'price_missing'),
      message: `${name(id)} has no clinic price yet: set it in the clinic settings, or make the plan as a draft.`,
    })),
  );
}

/** What a handout of this patient and plan is made from: the clinic's settings and the clinical content, now. */
export async function handoutInputOf(
  context: ServiceContext,
  tx: Repositories,
  patient: HandoutInput['patient'],
  plan: HandoutInput['plan'],
): Promise<HandoutInput> {
  const { catalog, rules, followUps } = clinicalContent();
  return { patient, plan, settings: await clinicSettingsOf(tx), catalog, rules, followUps, now: context.now() };
}

export function createHandoutsService(context: ServiceContext) {
  /** The handout's input, or the typed reason there is none: read in one snapshot, before the PDF is made. */
  const inputFor = (patientId: string) => context.store.read((tx) => inputIn(tx, patientId));
  const inputIn = async (tx: Repositories, patientId: string) => {
    const record = await tx.patients.get(patientId);
    const seq = await tx.patients.seqOf(patientId);
    if (!record || seq === undefined) return { found: false, refusal: fail('not_found', `No patient with id ${patientId}.`) } as const;
    // No handouts for a record restricted by a deletion request, nor after consent to processing was withdrawn.
    const refused = (await refuseIfRestricted(tx, patientId, ['patientId'])) ?? refuseIfConsentWithdrawn(record.patient, ['patientId']);
    if (refused) return { found: false, refusal: refused } as const;
    const stored = await tx.plans.get(seq);
    const plan = stored ? planSchema.parse(stored.plan) : null;
    if (!plan || plan.items.length === 0) return { found: false, refusal: invalid([issue(['patientId'], 'no_plan')]) } as const;
    const input = await handoutInputOf(context, tx, record.patient, plan);
    // The plan and quote prints the version the patient was sent, when this quote is the one sent.
    const { quote } = evaluatePlan(input.patient, plan, input.catalog, input.rules, input.settings, todayIn(CLINIC_TIME_ZONE, input.now));
    const held = heldVersion(quote, await quoteVersionsOf(tx, seq));
    const quoteVersion = held && { version: held.version, sentOn: todayIn(CLINIC_TIME_ZONE, new Date(held.sentAt)) };
    return { found: true, input: { ...input, quoteVersion }, stem: patientFileStem(record.patient, patientId) } as const;
  };

  const handlers = {
    async makeHandout({ patientId, kind, language, bilingual, draft }) {
      const found = await inputFor(patientId);
      if (!found.found) return found.refusal;
      const request: HandoutRequest = { kind: kind as HandoutKind, language, bilingual, draft: draft === true };
      const refused = refuseHandout(found.input, request);
      if (refused) return refused;
      const pdf = await context.renderHandout(found.input, request);
      return ok({ fileName: handoutFileName(found.stem, request), pdfBase64: pdf.toString('base64'), bytes: pdf.length });
    },

    async exportHandout({ patientId, kind, language, bilingual, draft, folder }) {
      // Read first, render and write the file outside any transaction, then the export's entry in a short one.
      const found = await inputFor(patientId);
      if (!found.found) return found.refusal;
      const request: HandoutRequest = { kind: kind as HandoutKind, language, bilingual, draft: draft === true };
      const refused = refuseHandout(found.input, request);
      if (refused) return refused;
      const pdf = await context.renderHandout(found.input, request);
      const path = join(folder, handoutFileName(found.stem, request));
      try {
        writePrivateFile(path, pdf);
      } catch {
        return invalid([issue(['folder'], 'folder_not_writable')]);
      }
      await context.store.transaction((tx) =>
        tx.audit.record('export', patientId, [
          `handout-${kind}-${language}${request.bilingual && language !== 'ko' ? '-ko' : ''}${request.draft ? '-draft' : ''}`,
        ]),
      );
      return ok({ path, bytes: pdf.length });
    },

    async makeCaseHandout({ caseFile, kind, language, bilingual, draft }) {
      const plan = caseFile.plan ? planSchema.parse(caseFile.plan) : null;
      if (!plan || plan.items.length === 0) return invalid([issue(['caseFile', 'plan'], 'no_plan')]);
      const id = caseFile.patient.id ?? '00000000';
      const request: HandoutRequest = { kind: kind as HandoutKind, language, bilingual, draft: draft === true };
      const input = await context.store.read((tx) => handoutInputOf(context, tx, caseFile.patient, plan));
      const refused = refuseHandout(input, request);
      if (refused) return refused;
      const pdf = await context.renderHandout(input, request);
      return ok({
        fileName: handoutFileName(patientFileStem(caseFile.patient, id), request),
        pdfBase64: pdf.toString('base64'),
        bytes: pdf.length,
      });
    },

    defaultHandoutFolder() {
      // The user's Documents, never the data folder: see files/documents-folder.ts.
      return ok({ folder: defaultHandoutFolder() });
    },
  } satisfies Partial<Handlers>;
  return handlers;
}
