// The one way the services write to the audit log. record() must run inside the write transaction of the change it
// records (it refuses otherwise), so a change is never saved without its entry, nor an entry without its change.
import type { AuditAction, AuditHistoryEntry } from '../../../shared/contract/audit';
import type { AuditRepository } from '../../db/repositories/audit-repository';
import type { AsyncOf } from '../../db/store/async-of';
import { chainEntry, verifyChain, verifyEntries, type AuditEntry, type ChainCheck } from './audit-chain';

export interface AuditTrail {
  /**
   * Appends one entry: who (the current coordinator, or `actor` when the entry is about a profile other than the
   * one signed in: a wrong PIN names the profile it was typed for), when (now), what, which patient, which fields.
   */
  record(action: AuditAction, patientId: string | null, fields?: readonly string[], actor?: string): Promise<void>;
  /** A patient's entries, oldest first, and the check of those entries against the chain. */
  history(patientId: string): Promise<{ entries: AuditHistoryEntry[]; chain: ChainCheck }>;
  /** Walks the whole chain; the first entry that does not follow from the one before, if any. */
  verify(): Promise<ChainCheck>;
}

export function createAuditTrail(deps: {
  audit: AsyncOf<AuditRepository>;
  /** Inside an open write transaction. */
  canWrite: () => boolean;
  now: () => Date;
  actor: () => Promise<string>;
}): AuditTrail {
  return {
    async record(action, patientId, fields = [], actor) {
      if (!deps.canWrite()) throw new Error(`Audit entry ${action} written outside the transaction of its change.`);
      const who = actor ?? (await deps.actor());
      // The head is read inside the writer's transaction (the SQLite store holds the write lock from BEGIN
      // IMMEDIATE; the PostgreSQL store locks the chain's head row), so two writers never extend the same entry.
      const entry = chainEntry(
        { at: deps.now().toISOString(), actor: who, action, patientId, fields: [...fields] },
        await deps.audit.last(),
      );
      await deps.audit.insert(entry);
    },
    async history(patientId) {
      const stored = await deps.audit.ofPatient(patientId);
      const before = new Map<number, Pick<AuditEntry, 'seq' | 'hash'>>();
      for (const entry of stored) {
        if (entry.seq > 1) {
          const previous = await deps.audit.hashAt(entry.seq - 1);
          if (previous) before.set(entry.seq - 1, previous);
        }
      }
      return {
        entries: stored.map(({ seq, at, actor, action, fields }) => ({ seq, at, actor, action: action as AuditAction, fields })),
        chain: verifyEntries(stored, (seq) => before.get(seq)),
      };
    },
    verify() {
      return verifyChain(deps.audit.all());
    },
  };
}
