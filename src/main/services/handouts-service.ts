// Handouts for one patient: the saved plan, the clinic's settings and the clinical content go in, a PDF comes
// out (through the worker pool where the door set one up). Exporting writes the file whole or not at all.
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import { planSchema } from '../../shared/domain/plan/plan-schema';
import { clinicalContent } from '../content/clinical-content';
import { defaultHandoutFolder } from '../files/documents-folder';
import { writePrivateFile } from '../files/write-private-file';
import type { HandoutInput, HandoutKind } from '../handouts/kinds/handout-input';
import type { HandoutRequest } from '../handouts/make-handout';
import { patientFileStem, refuseIfConsentWithdrawn, refuseIfRestricted } from './patients-service';
import { clinicSettingsOf } from './plan-service';
import type { ServiceContext } from './service-context';

export const handoutFileName = (stem: string, request: HandoutRequest): string =>
  `${stem}-${request.kind}-${request.language}${request.bilingual && request.language !== 'ko' ? '-ko' : ''}.pdf`;

/** What a handout of this patient and plan is made from: the clinic's settings and the clinical content, now. */
export function handoutInputOf(context: ServiceContext, patient: HandoutInput['patient'], plan: HandoutInput['plan']): HandoutInput {
  const { catalog, rules, followUps } = clinicalContent();
  return { patient, plan, settings: clinicSettingsOf(context), catalog, rules, followUps, now: context.now() };
}

export function createHandoutsService(context: ServiceContext) {
  /** The handout's input, or the typed reason there is none. */
  const inputFor = (patientId: string) => {
    const record = context.patients.get(patientId);
    const seq = context.patients.seqOf(patientId);
    if (!record || seq === undefined) return { found: false, refusal: fail('not_found', `No patient with id ${patientId}.`) } as const;
    // No handouts for a record restricted by a deletion request, nor after consent to processing was withdrawn.
    const refused = refuseIfRestricted(context, patientId, ['patientId']) ?? refuseIfConsentWithdrawn(record.patient, ['patientId']);
    if (refused) return { found: false, refusal: refused } as const;
    const stored = context.plans.get(seq);
    const plan = stored ? planSchema.parse(stored.plan) : null;
    if (!plan || plan.items.length === 0) return { found: false, refusal: invalid([issue(['patientId'], 'no_plan')]) } as const;
    return { found: true, input: handoutInputOf(context, record.patient, plan), stem: patientFileStem(record.patient, patientId) } as const;
  };

  const handlers = {
    async makeHandout({ patientId, kind, language, bilingual }) {
      const found = inputFor(patientId);
      if (!found.found) return found.refusal;
      const request: HandoutRequest = { kind: kind as HandoutKind, language, bilingual };
      const pdf = await context.renderHandout(found.input, request);
      return ok({ fileName: handoutFileName(found.stem, request), pdfBase64: pdf.toString('base64'), bytes: pdf.length });
    },

    async exportHandout({ patientId, kind, language, bilingual, folder }) {
      const found = inputFor(patientId);
      if (!found.found) return found.refusal;
      const request: HandoutRequest = { kind: kind as HandoutKind, language, bilingual };
      const pdf = await context.renderHandout(found.input, request);
      const path = join(folder, handoutFileName(found.stem, request));
      try {
        writePrivateFile(path, pdf);
      } catch {
        return invalid([issue(['folder'], 'folder_not_writable')]);
      }
      context.db.transaction(() => context.audit.record('export', patientId, [`handout-${kind}-${language}${request.bilingual && language !== 'ko' ? '-ko' : ''}`]))();
      return ok({ path, bytes: pdf.length });
    },

    async makeCaseHandout({ caseFile, kind, language, bilingual }) {
      const plan = caseFile.plan ? planSchema.parse(caseFile.plan) : null;
      if (!plan || plan.items.length === 0) return invalid([issue(['caseFile', 'plan'], 'no_plan')]);
      const id = caseFile.patient.id ?? '00000000';
      const request: HandoutRequest = { kind: kind as HandoutKind, language, bilingual };
      const pdf = await context.renderHandout(handoutInputOf(context, caseFile.patient, plan), request);
      return ok({ fileName: handoutFileName(patientFileStem(caseFile.patient, id), request), pdfBase64: pdf.toString('base64'), bytes: pdf.length });
    },

    defaultHandoutFolder() {
      // The user's Documents, never the data folder: see files/documents-folder.ts.
      return ok({ folder: defaultHandoutFolder() });
    },
  } satisfies Partial<Handlers>;
  return handlers;
}
