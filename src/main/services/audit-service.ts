// The audit log's channels: one patient's history, the check of the whole chain, recording a print (the
// renderer prints; the log must still say who printed whose record, and when), and who the coordinator is.
import type { Handlers } from '../../shared/contract';
import { fail, ok } from '../../shared/contract';
import type { Repositories } from '../db/store/store';
import { parsePaperCode } from './audit/audit-anchor';
import { COORDINATOR_SETTING, type ServiceContext } from './service-context';

export function createAuditService(context: ServiceContext) {
  const names = async (tx: Repositories) => ({ name: await context.actor(tx), fallback: await context.fallbackActor(tx) });

  const handlers = {
    async auditHistory({ patientId }) {
      // Readable for any id, also one whose record is gone: the log outlives the record.
      return ok(await context.store.read((tx) => tx.audit.history(patientId)));
    },

    async verifyAuditChain({ code }) {
      // The contract's pattern admits exactly what parsePaperCode reads.
      const typed = code === undefined ? undefined : parsePaperCode(code);
      return ok(await context.anchors.verify(typed));
    },

    async recordPrint({ patientId, document }) {
      const recorded = await context.store.transaction(async (tx) => {
        if ((await tx.patients.seqOf(patientId)) === undefined) return false;
        await tx.audit.record('print', patientId, [document]);
        return true;
      });
      return recorded ? ok({ recorded: true as const }) : fail('not_found', `No patient with id ${patientId}.`);
    },

    async getCoordinator() {
      return ok(await context.store.read(names));
    },

    async setCoordinator({ name }) {
      // Logged under the name it replaces, so a change of hands at this computer shows in the log.
      return ok(
        await context.store.transaction(async (tx) => {
          await tx.audit.record('settings.save', null, ['coordinator']);
          await tx.plans.putSetting(COORDINATOR_SETTING, name, context.now().toISOString());
          return names(tx);
        }),
      );
    },
  } satisfies Pick<Handlers, 'auditHistory' | 'verifyAuditChain' | 'recordPrint' | 'getCoordinator' | 'setCoordinator'>;
  return handlers;
}
