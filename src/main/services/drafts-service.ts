// Intake drafts: saved as the coordinator types, offered back when the form reopens, discarded on save.
import type { Handlers } from '../../shared/contract';
import { invalid, issue, ok } from '../../shared/contract';
import { MAX_DRAFTS_PER_COORDINATOR } from '../../shared/contract/drafts';
import { refuseIfRestricted } from './patients-service';
import type { Repositories } from '../db/store/store';
import type { ServiceContext } from './service-context';

/** A locked session's draft is the coordinator's who was signed in as it locked. */
async function actorOf(context: ServiceContext, tx: Repositories): Promise<string> {
  const { current, lockedFrom } = context.session;
  return current?.name ?? lockedFrom?.name ?? context.actor(tx);
}

export function createDraftsService(context: ServiceContext) {
  const handlers = {
    async saveDraft(input) {
      const savedAt = context.now().toISOString();
      const session = context.session;
      const owner = (session.current ?? session.lockedFrom)?.id ?? null;
      const firstInSession = !session.draftsSaved.has(input.key);
      const refused = await context.store.transaction(async (tx) => {
        // A restricted record is read-only: no edits are kept for it either (a draft would hold erased data again).
        if (!input.key.startsWith('new:')) {
          const restricted = await refuseIfRestricted(tx, input.key, ['key']);
          if (restricted) return restricted;
        }
        if (!(await tx.drafts.exists(input.key)) && (await tx.drafts.countOwnedBy(owner)) >= MAX_DRAFTS_PER_COORDINATOR) {
          return invalid([issue(['key'], 'too_many_drafts')]);
        }
        // Who typed into which record is logged once per draft per session; every save is not (it saves as the
        // coordinator types). The draft's form itself stays out of the log, like every changed value.
        if (firstInSession)
          await tx.audit.record('draft.save', input.key.startsWith('new:') ? null : input.key, [], await actorOf(context, tx));
        await tx.drafts.save(input.key, input.label, input.baseVersion, input.form, savedAt, owner);
        return null;
      });
      if (refused) return refused;
      session.draftsSaved.add(input.key);
      return ok({ savedAt });
    },
    async getDraft(input) {
      return ok(await context.store.read((tx) => tx.drafts.get(input.key)));
    },
    async listDrafts() {
      return ok(await context.store.read((tx) => tx.drafts.list()));
    },
    async discardDraft(input) {
      return ok({ discarded: await context.store.transaction((tx) => tx.drafts.discard(input.key)) });
    },
  } satisfies Pick<Handlers, 'saveDraft' | 'getDraft' | 'listDrafts' | 'discardDraft'>;
  return handlers;
}
