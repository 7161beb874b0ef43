// The audit log's channels: one patient's history, the check of the whole chain, and recording a print (the
// renderer prints; the log must still say who printed whose record, and when).
import type { Handlers } from '../../shared/contract';
import { fail, ok } from '../../shared/contract';
import type { ServiceContext } from './service-context';

export function createAuditService(context: ServiceContext) {
  const handlers = {
    auditHistory({ patientId }) {
      // Readable for any id, also one whose record is gone: the log outlives the record.
      return ok({ entries: context.audit.history(patientId) });
    },

    verifyAuditChain() {
      return ok(context.audit.verify());
    },

    recordPrint({ patientId, document }) {
      if (context.patients.seqOf(patientId) === undefined) return fail('not_found', `No patient with id ${patientId}.`);
      context.db.transaction(() => context.audit.record('print', patientId, [document]))();
      return ok({ recorded: true as const });
    },
  } satisfies Pick<Handlers, 'auditHistory' | 'verifyAuditChain' | 'recordPrint'>;
  return handlers;
}
