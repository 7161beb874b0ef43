// Intake drafts: saved as the coordinator types, offered back when the form reopens, discarded on save.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import type { ServiceContext } from './service-context';

export function createDraftsService(context: ServiceContext) {
  const handlers = {
    saveDraft(input) {
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
