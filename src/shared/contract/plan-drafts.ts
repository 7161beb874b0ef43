// Channels of unsaved plans: what the coordinator has built on the plan screen but not saved, kept in the
// encrypted database so a visit to the intake, a reload or a closed window loses nothing, and so a deletion
// request reaches it. A draft is a plan the plan schema accepts (the screen only ever holds such plans).
import { z } from 'zod';
import { channel } from './define-channel';
import { planSchema, type Plan } from '../domain/plan/plan-schema';

const patientId = z.uuid('invalid');

export interface PlanDraft {
  /** The saved plan's version the draft was made from (0 before the first save). */
  readonly baseVersion: number;
  readonly plan: Plan;
  readonly savedAt: string;
}

export const planDraftsChannels = {
  savePlanDraft: channel<{ readonly savedAt: string }>()(
    z.strictObject({ patientId, baseVersion: z.int('invalid_type').min(0, 'invalid'), plan: planSchema }),
  ),
  getPlanDraft: channel<PlanDraft | null>()(z.strictObject({ patientId })),
  discardPlanDraft: channel<{ readonly discarded: boolean }>()(z.strictObject({ patientId })),
};
