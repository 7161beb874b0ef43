// Channels of the audit log (who opened or changed which patient's record, when, which fields) and of the
// earlier versions of a treatment plan, which are amended, never overwritten.
import { z } from 'zod';
import { channel } from './define-channel';
import type { Plan } from '../domain/plan/plan-schema';

/**
 * What the audit log records. `print`: the print of the consent summary and handouts (recordPrint).
 * `patient.restrict`: a deletion request restricted the record; `erase`: data erased at once by that request
 * (its field paths), or the whole record destroyed at the end of its retention (field "record").
 * `coordinator.pin_failed`: a wrong PIN, named for the profile it was typed for, its field the input's
 * ("pin" at sign-in, "currentPin" when changing it).
 */
export const AUDIT_ACTIONS = [
  'patient.open',
  'patient.create',
  'patient.import',
  'patient.update',
  'patient.restrict',
  'photo.add',
  'plan.open',
  'plan.save',
  'quote.send',
  'session.record',
  'followup.record',
  'export',
  'calendar.export',
  'print',
  'erase',
  'settings.save',
  'backup',
  'coordinator.signin',
  'coordinator.signout',
  'coordinator.pin_failed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What may be printed; recorded as the entry's one "field". */
export const PRINTABLE_DOCUMENTS = [
  'consent-summary',
  'plan',
  'handout-aftercare',
  'handout-precare',
  'handout-plan',
  'handout-consent',
  'handout-followup',
] as const;

export interface AuditHistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  /** Changed field paths ("phone", "trip.departure"); never the values. */
  readonly fields: readonly string[];
}

export interface AuditChainStatus {
  /** Entries checked: all of them when the chain is intact. */
  readonly checked: number;
  /** The first entry that does not follow from the one before it, or null when the chain is intact. */
  readonly firstBroken: { readonly seq: number; readonly reason: 'wrong_position' | 'wrong_previous_hash' | 'wrong_hash' } | null;
}

export interface PlanVersion {
  readonly version: number;
  readonly savedAt: string;
  readonly savedBy: string;
  readonly plan: Plan;
}

export interface CoordinatorNames {
  readonly name: string;
  readonly fallback: string;
}

const patientId = z.uuid('invalid');

export const auditChannels = {
  /** The patient's entries, and the check of those entries against the chain (cheap enough for every open). */
  auditHistory: channel<{ readonly entries: readonly AuditHistoryEntry[]; readonly chain: AuditChainStatus }>()(z.strictObject({ patientId })),
  /** The whole chain, entry by entry (about half a second per 100,000 entries). */
  verifyAuditChain: channel<AuditChainStatus>()(z.strictObject({})),
  listPlanVersions: channel<readonly PlanVersion[]>()(z.strictObject({ patientId })),
  recordPrint: channel<{ readonly recorded: true }>()(
    z.strictObject({ patientId, document: z.enum(PRINTABLE_DOCUMENTS, 'invalid_choice') }),
  ),
  /** Whom the audit log names now (`name`: the signed-in profile, else `fallback`, else "unknown"), and the name
   * set for this computer for when nobody is signed in (`fallback`, '' until set). */
  getCoordinator: channel<CoordinatorNames>()(z.strictObject({})),
  setCoordinator: channel<CoordinatorNames>()(
    z.strictObject({ name: z.string().trim().min(1, 'required').max(100, 'too_long') }),
  ),
};
