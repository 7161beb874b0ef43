// Unsaved plans: saved as the coordinator edits the plan screen, offered back when it reopens, discarded on save
// or on the coordinator's word. In the database rather than the renderer, so they are sealed like the plan itself
// and a deletion request erases them.
import type { Handlers } from '../../shared/contract';
import { fail, ok } from '../../shared/contract';
import { planSchema } from '../../shared/domain/plan/plan-schema';
import { refuseIfRestricted } from './patients-service';
import type { ServiceContext } from './service-context';

export function createPlanDraftsService(context: ServiceContext) {
  const notFound = (patientId: string) => fail('not_found', `No patient with id ${patientId}.`);

  const handlers = {
    async savePlanDraft({ patientId, baseVersion, plan }) {
      return context.store.transaction(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        if (seq === undefined) return notFound(patientId);
        // A restricted record is read-only: no edits are kept for it either.
        const restricted = await refuseIfRestricted(tx, patientId, ['patientId']);
        if (restricted) return restricted;
        const savedAt = context.now().toISOString();
        await tx.planDrafts.save(seq, baseVersion, plan, savedAt);
        return ok({ savedAt });
      });
    },
    async getPlanDraft({ patientId }) {
      const found = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        return seq === undefined ? null : { stored: await tx.planDrafts.get(seq) };
      });
      if (!found) return notFound(patientId);
      const { stored } = found;
      // A draft from before a change of the plan schema that no longer reads is no draft, not an error.
      const plan = stored ? planSchema.safeParse(stored.plan) : null;
      if (!stored || !plan?.success) return ok(null);
      return ok({ baseVersion: stored.baseVersion, plan: plan.data, savedAt: stored.savedAt });
    },
    async discardPlanDraft({ patientId }) {
      return context.store.transaction(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        if (seq === undefined) return notFound(patientId);
        return ok({ discarded: await tx.planDrafts.discard(seq) });
      });
    },
  } satisfies Pick<Handlers, 'savePlanDraft' | 'getPlanDraft' | 'discardPlanDraft'>;
  return handlers;
}
