// The one way the services write to the audit log. record() must run inside the transaction of the change it
// records (it refuses otherwise), so a change is never saved without its entry, nor an entry without its change.
import type { AuditAction, AuditHistoryEntry } from '../../../shared/contract/audit';
import type { Db } from '../../db/open-database';
import type { AuditRepository } from '../../db/repositories/audit-repository';
import { chainEntry, verifyChain, verifyEntries, type ChainCheck } from './audit-chain';

export interface AuditTrail {
  /**
   * Appends one entry: who (the current coordinator, or `actor` when the entry is about a profile other than the
   * one signed in: a wrong PIN names the profile it was typed for), when (now), what, which patient, which fields.
   */
  record(action: AuditAction, patientId: string | null, fields?: readonly string[], actor?: string): void;
  /** A patient's entries, oldest first, and the check of those entries against the chain. */
  history(patientId: string): { entries: AuditHistoryEntry[]; chain: ChainCheck };
  /** Walks the whole chain; the first entry that does not follow from the one before, if any. */
  verify(): ChainCheck;
}

export function createAuditTrail(deps: { db: Db; audit: AuditRepository; now: () => Date; actor: () => string }): AuditTrail {
  return {
    record(action, patientId, fields = [], actor = deps.actor()) {
      if (!deps.db.inTransaction) throw new Error(`Audit entry ${action} written outside the transaction of its change.`);
      const entry = chainEntry({ at: deps.now().toISOString(), actor, action, patientId, fields: [...fields] }, deps.audit.last());
      deps.audit.insert(entry);
    },
    history(patientId) {
      const stored = deps.audit.ofPatient(patientId);
      return {
        entries: stored.map(({ seq, at, actor, action, fields }) => ({ seq, at, actor, action: action as AuditAction, fields })),
        chain: verifyEntries(stored, (seq) => deps.audit.hashAt(seq)),
      };
    },
    verify() {
      return verifyChain(deps.audit.all());
    },
  };
}
