// Intake drafts: saved as the coordinator types, offered back when the form reopens, discarded on save.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import { refuseIfRestricted } from './patients-service';
import type { ServiceContext } from './service-context';

export function createDraftsService(context: ServiceContext) {
  const handlers = {
    saveDraft(input) {
      // A restricted record is read-only: no edits are kept for it either (a draft would hold erased data again).
      if (!input.key.startsWith('new:')) {
        const restricted = refuseIfRestricted(context, input.key, ['key']);
        if (restricted) return restricted;
      }
      const savedAt = context.now().toISOString();
      context.drafts.save(input.key, input.label, input.baseVersion, input.form, savedAt);
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
