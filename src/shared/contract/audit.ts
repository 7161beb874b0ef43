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
 * ("pin" at sign-in, "currentPin" when changing it); `coordinator.signout` with field "idle": the services signed
 * an idle session out. `draft.save`: the first save of an unsaved intake in a session (later saves of it in the
 * same session are not logged: one per keystroke pause would bury the log); the patient's id, or none for a new one.
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
  'draft.save',
  'payment.record',
  'payment.reverse',
  'agency.save',
  'agency.archive',
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

/**
 * What the log was compared with outside the database (README, "Audit log and hardening"). `emptied`: no entries
 * where the anchor had some; `cut_tail`: fewer entries than anchored; `rewritten`: the entry at the anchored count
 * is another one (the history before it was changed, hashes recomputed or not).
 */
export type AuditAnchorFinding = 'emptied' | 'cut_tail' | 'rewritten';

export interface AuditAnchorStatus {
  /** Whether an anchor key was given. Without one nothing is anchored, and a cut tail or a rewrite by whoever holds
   * the database key cannot be detected (only a code typed in can still show a cut tail). */
  readonly keyed: boolean;
  /** The newest anchor whose MAC is valid, the code typed in, or nothing to compare with. */
  readonly against: 'anchor' | 'code' | 'none';
  /** The entry count compared with (the anchor's or the code's); null when nothing was compared. */
  readonly anchoredCount: number | null;
  /** When that anchor was written; null for a code or nothing. */
  readonly anchoredAt: string | null;
  readonly finding: AuditAnchorFinding | null;
  /** False when a code was typed without the anchor key: only its count could be compared, not the hash. */
  readonly rewriteChecked: boolean;
  /** Lines of the anchors file (numbered from 1) that are not anchors or whose MAC fails: edited or forged. */
  readonly tamperedLines: readonly number[];
  /** The paper code of the anchor compared with, to hold against the one kept on paper; null without one. */
  readonly code: string | null;
}

/** The whole check: the chain inside the database (the fields of AuditChainStatus), then the anchor outside it. */
export interface AuditVerification extends AuditChainStatus {
  /** Entries in the log now. */
  readonly entries: number;
  readonly anchor: AuditAnchorStatus;
}

/** A paper code as typed back: `<count>-` and 12 characters of Crockford base32 (any case; hyphens, spaces, O, I
 * and L allowed, since they are read as 0, 1 and 1). */
export const AUDIT_CODE_PATTERN = /^\s*\d{1,15}\s*-(?:[\s-]*[0-9A-TV-Za-tv-z]){12}[\s-]*$/;

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
  auditHistory: channel<{ readonly entries: readonly AuditHistoryEntry[]; readonly chain: AuditChainStatus }>()(
    z.strictObject({ patientId }),
  ),
  /** The whole chain, entry by entry (about half a second per 100,000 entries), then its head against the newest
   * anchor, or against `code` (a paper code typed in) when given. */
  verifyAuditChain: channel<AuditVerification>()(
    z.strictObject({ code: z.string().max(80, 'too_long').regex(AUDIT_CODE_PATTERN, 'invalid').optional() }),
  ),
  listPlanVersions: channel<readonly PlanVersion[]>()(z.strictObject({ patientId })),
  recordPrint: channel<{ readonly recorded: true }>()(
    z.strictObject({ patientId, document: z.enum(PRINTABLE_DOCUMENTS, 'invalid_choice') }),
  ),
  /** Whom the audit log names now (`name`: the signed-in profile, else `fallback`, else "unknown"), and the name
   * set for this computer for when nobody is signed in (`fallback`, '' until set). */
  getCoordinator: channel<CoordinatorNames>()(z.strictObject({})),
  setCoordinator: channel<CoordinatorNames>()(z.strictObject({ name: z.string().trim().min(1, 'required').max(100, 'too_long') })),
};
