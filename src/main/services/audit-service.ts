// The audit log's channels: one patient's history, the check of the whole chain, recording a print (the
// renderer prints; the log must still say who printed whose record, and when), and who the coordinator is.
import type { Handlers } from '../../shared/contract';
import { fail, ok } from '../../shared/contract';
import { parsePaperCode } from './audit/audit-anchor';
import { COORDINATOR_SETTING, type ServiceContext } from './service-context';

export function createAuditService(context: ServiceContext) {
  const handlers = {
    auditHistory({ patientId }) {
      // Readable for any id, also one whose record is gone: the log outlives the record.
      return ok(context.audit.history(patientId));
    },

    verifyAuditChain({ code }) {
      const chain = context.audit.verify();
      // The contract's pattern admits exactly what parsePaperCode reads.
      const typed = code === undefined ? undefined : parsePaperCode(code);
      return ok({ ...chain, entries: context.anchors.entries(), anchor: context.anchors.check(typed) });
    },

    recordPrint({ patientId, document }) {
      if (context.patients.seqOf(patientId) === undefined) return fail('not_found', `No patient with id ${patientId}.`);
      context.db.transaction(() => context.audit.record('print', patientId, [document]))();
      return ok({ recorded: true as const });
    },

    getCoordinator() {
      return ok({ name: context.actor(), fallback: context.fallbackActor() });
    },

    setCoordinator({ name }) {
      // Logged under the name it replaces, so a change of hands at this computer shows in the log.
      context.db.transaction(() => {
        context.audit.record('settings.save', null, ['coordinator']);
        context.plans.putSetting(COORDINATOR_SETTING, name, context.now().toISOString());
      })();
      return ok({ name: context.actor(), fallback: context.fallbackActor() });
    },
  } satisfies Pick<Handlers, 'auditHistory' | 'verifyAuditChain' | 'recordPrint' | 'getCoordinator' | 'setCoordinator'>;
  return handlers;
}
