// Earlier versions kept unsaved plans in this window's localStorage ("clinicdesk.planDraft.<patient id>"), outside
// the encrypted database and out of a deletion request's reach. Each one found is moved into the database (unless
// the database already holds a newer draft) and removed from here.
import type { ClinicDeskApi, InputOf } from '../../../../shared/contract';
import { planSchema } from '../../../../shared/domain/plan/plan-schema';

const LEGACY_PREFIX = 'clinicdesk.planDraft.';

type Calls = Pick<ClinicDeskApi, 'getPlanDraft' | 'savePlanDraft'>;
/** localStorage's shape (its keys are its own properties), without the DOM's types so the unit tests compile. */
type KeyedStorage = { getItem(key: string): string | null; removeItem(key: string): void };

/** Refusals that will not change on a later try: the draft is dropped rather than kept here. */
const FINAL_REFUSALS = new Set(['invalid_input', 'not_found', 'record_restricted']);

type PlanInput = InputOf<'savePlanDraft'>['plan'];

/** An older version wrote it, so whether it is a plan is checked with the plan schema, not assumed. The plan goes
 * on as it was stored: the services read it with the same schema. */
const isPlan = (value: unknown): value is PlanInput => planSchema.safeParse(value).success;

/** A draft that is not a plan is no draft: the services would refuse it for good. */
function readDraft(text: string | null): { readonly baseVersion: number; readonly plan: PlanInput } | null {
  try {
    const draft = JSON.parse(text ?? 'null') as { baseVersion?: unknown; plan?: unknown } | null;
    return draft && typeof draft.baseVersion === 'number' && isPlan(draft.plan)
      ? { baseVersion: draft.baseVersion, plan: draft.plan }
      : null;
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
        const saved = await calls.savePlanDraft({ patientId, baseVersion: draft.baseVersion, plan: draft.plan });
        done = saved.ok || FINAL_REFUSALS.has(saved.error.code);
      }
    }
    // Kept only when the services could not answer for now (signed out, not reachable): moved on a later try.
    if (done) storage.removeItem(key);
  }
}
