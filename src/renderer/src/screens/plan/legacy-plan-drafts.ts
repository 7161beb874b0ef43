// Earlier versions kept unsaved plans in this window's localStorage ("clinicdesk.planDraft.<patient id>"), outside
// the encrypted database and out of a deletion request's reach. Each one found is moved into the database (unless
// the database already holds a newer draft) and removed from here.
import type { ClinicDeskApi } from '../../../../shared/contract';

const LEGACY_PREFIX = 'clinicdesk.planDraft.';

type Calls = Pick<ClinicDeskApi, 'getPlanDraft' | 'savePlanDraft'>;
/** localStorage's shape (its keys are its own properties), without the DOM's types so the unit tests compile. */
type KeyedStorage = { getItem(key: string): string | null; removeItem(key: string): void };

/** Refusals that will not change on a later try: the draft is dropped rather than kept here. */
const FINAL_REFUSALS = new Set(['invalid_input', 'not_found', 'record_restricted']);

function readDraft(text: string | null): { readonly baseVersion: number; readonly plan: unknown } | null {
  try {
    const draft = JSON.parse(text ?? 'null') as { baseVersion?: unknown; plan?: unknown } | null;
    return draft && typeof draft.baseVersion === 'number' ? { baseVersion: draft.baseVersion, plan: draft.plan } : null;
  } catch {
    return null; // Not JSON: nothing to move.
  }
}

export async function moveLegacyPlanDrafts(storage: KeyedStorage, calls: Calls): Promise<void> {
  for (const key of Object.keys(storage).filter((name) => name.startsWith(LEGACY_PREFIX))) {
    const patientId = key.slice(LEGACY_PREFIX.length);
    const draft = readDraft(storage.getItem(key));
    let done = true;
    if (draft) {
      const existing = await calls.getPlanDraft({ patientId });
      if (!existing.ok) done = FINAL_REFUSALS.has(existing.error.code);
      else if (existing.value === null) {
        const saved = await calls.savePlanDraft({ patientId, baseVersion: draft.baseVersion, plan: draft.plan as never });
        done = saved.ok || FINAL_REFUSALS.has(saved.error.code);
      }
    }
    // Kept only when the services could not answer for now (signed out, not reachable): moved on a later try.
    if (done) storage.removeItem(key);
  }
}
