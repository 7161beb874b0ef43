// While the clinic server does not answer, what the coordinator types is kept as a sealed draft on this PC
// (offline/offline-drafts.ts) and the save is refused as `unreachable`; when the server is back the drafts are
// listed, then saved to it or discarded. Only the intake's typing is kept (its autosave, and an intake sent to be
// saved); every other call that needs the server is refused as `unreachable` by the dispatch, and nothing else is
// written on the PC.
import { createHash } from 'node:crypto';
import type { Handlers } from '../../shared/contract';
import { contract, fail, ok } from '../../shared/contract';
import { ServerUnreachableError } from '../db/postgres/server-unreachable';
import type { OfflineDraft, OfflineDraftKind } from '../offline/offline-drafts';
import type { ServiceContext } from './service-context';

type Kept = Pick<Handlers, 'saveDraft' | 'createPatient' | 'updatePatient'>;

const KEPT_MESSAGE = 'What you typed is kept on this PC, sealed, and will be offered when the server answers again.';

/** The same intake sent twice while the server is away is one draft: its key is a UUID made from its content. */
function keyOfNewIntake(patient: unknown): string {
  const hex = createHash('sha256').update(JSON.stringify(patient)).digest('hex');
  return `new:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The intake's channels, each keeping its input on the PC when the server does not answer. */
export function keepTypingWhileUnreachable<H extends Kept>(handlers: H, context: ServiceContext): H {
  const offline = context.offlineDrafts;
  if (!offline) return handlers;
  const keeping = async <T>(draft: () => Omit<OfflineDraft, 'savedAt'>, call: () => Promise<T>) => {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ServerUnreachableError)) throw error;
      offline.save({ ...draft(), savedAt: context.now().toISOString() });
      return fail('unreachable', `${error.message} ${KEPT_MESSAGE}`);
    }
  };
  return {
    ...handlers,
    async saveDraft(input) {
      const result = await keeping(
        () => ({ key: input.key, kind: 'form', label: input.label, baseVersion: input.baseVersion, content: input.form }),
        async () => handlers.saveDraft(input),
      );
      // On the server now: the PC's copy would only be offered again, older.
      if (result.ok) offline.discard('form', input.key);
      return result;
    },
    async createPatient(input) {
      const key = keyOfNewIntake(input.patient);
      const result = await keeping(
        () => ({ key, kind: 'intake', label: input.patient.names.latin, baseVersion: null, content: { channel: 'createPatient', input } }),
        async () => handlers.createPatient(input),
      );
      if (result.ok) offline.discard('intake', key);
      return result;
    },
    async updatePatient(input) {
      const result = await keeping(
        () => ({
          key: input.id,
          kind: 'intake',
          label: input.patient.names.latin,
          baseVersion: input.expectedVersion,
          content: { channel: 'updatePatient', input },
        }),
        async () => handlers.updatePatient(input),
      );
      if (result.ok) offline.discard('intake', input.id);
      return result;
    },
  };
}

/** `handlers`: the intake's own (not the keeping ones): a draft sent again while the server is still away stays
 * as it is and the call is refused as `unreachable` by the dispatch. */
export function createOfflineDraftsService(context: ServiceContext, handlers: Kept) {
  const missing = (kind: OfflineDraftKind, key: string) => fail('not_found', `No ${kind} draft ${key} is kept on this PC.`);
  /** Checked again by the contract, as any input: the file was sealed by this app, but its schema may have moved
   * since (null then). */
  const sendAgain = async (channel: 'createPatient' | 'updatePatient', input: unknown) => {
    if (channel === 'updatePatient') {
      const parsed = contract.updatePatient.input.safeParse(input);
      return parsed.success ? handlers.updatePatient(parsed.data) : null;
    }
    const parsed = contract.createPatient.input.safeParse(input);
    return parsed.success ? handlers.createPatient(parsed.data) : null;
  };
  return {
    listOfflineDrafts() {
      const drafts = context.offlineDrafts?.list() ?? [];
      return ok(drafts.map(({ key, kind, label, baseVersion, savedAt }) => ({ key, kind, label, baseVersion, savedAt })));
    },
    async saveOfflineDraft({ key, kind }) {
      const offline = context.offlineDrafts;
      const draft = offline?.get(kind, key);
      if (!offline || !draft) return missing(kind, key);
      if (draft.kind === 'form') {
        const saved = await handlers.saveDraft({ key, label: draft.label, baseVersion: draft.baseVersion, form: draft.content });
        if (!saved.ok) return saved;
        offline.discard(kind, key);
        return ok({ patientId: null });
      }
      const { channel, input } = draft.content as { channel: 'createPatient' | 'updatePatient'; input: unknown };
      const saved = await sendAgain(channel, input);
      if (!saved) return fail('invalid_input', `The kept intake ${draft.label} no longer fits the form; open it and type it again.`);
      if (!saved.ok) return saved;
      offline.discard(kind, key);
      return ok({ patientId: saved.value.id });
    },
    discardOfflineDraft({ key, kind }) {
      return ok({ discarded: context.offlineDrafts?.discard(kind, key) ?? false });
    },
  } satisfies Pick<Handlers, 'listOfflineDrafts' | 'saveOfflineDraft' | 'discardOfflineDraft'>;
}
