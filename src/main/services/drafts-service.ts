// Intake drafts: saved as the coordinator types, offered back when the form reopens, discarded on save.
import type { Handlers } from '../../shared/contract';
import { invalid, issue, ok } from '../../shared/contract';
import { MAX_DRAFTS_PER_COORDINATOR } from '../../shared/contract/drafts';
import { refuseIfRestricted } from './patients-service';
import type { ServiceContext } from './service-context';

/** A locked session's draft is the coordinator's who was signed in as it locked. */
function actorOf(context: ServiceContext): string {
  const { current, lockedFrom } = context.session;
  return current?.name ?? lockedFrom?.name ?? context.actor();
}

export function createDraftsService(context: ServiceContext) {
  const handlers = {
    saveDraft(input) {
      // A restricted record is read-only: no edits are kept for it either (a draft would hold erased data again).
      if (!input.key.startsWith('new:')) {
        const restricted = refuseIfRestricted(context, input.key, ['key']);
        if (restricted) return restricted;
      }
      const savedAt = context.now().toISOString();
      const session = context.session;
      const owner = (session.current ?? session.lockedFrom)?.id ?? null;
      if (!context.drafts.exists(input.key) && context.drafts.countOwnedBy(owner) >= MAX_DRAFTS_PER_COORDINATOR) {
        return invalid([issue(['key'], 'too_many_drafts')]);
      }
      const firstInSession = !session.draftsSaved.has(input.key);
      context.db.transaction(() => {
        // Who typed into which record is logged once per draft per session; every save is not (it saves as the
        // coordinator types). The draft's form itself stays out of the log, like every changed value.
        if (firstInSession) context.audit.record('draft.save', input.key.startsWith('new:') ? null : input.key, [], actorOf(context));
        context.drafts.save(input.key, input.label, input.baseVersion, input.form, savedAt, owner);
      })();
      session.draftsSaved.add(input.key);
      return ok({ savedAt });
    },
    getDraft(input) {
      return ok(context.drafts.get(input.key));
    },
    listDrafts() {
      return ok(context.drafts.list());
    },
    discardDraft(input) {
      return ok({ discarded: context.drafts.discard(input.key) });
    },
  } satisfies Pick<Handlers, 'saveDraft' | 'getDraft' | 'listDrafts' | 'discardDraft'>;
  return handlers;
}
