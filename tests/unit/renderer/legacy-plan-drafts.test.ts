// Unsaved plans an earlier version left in the window's localStorage move into the database and leave the
// window; one the services cannot take now stays for a later try, one they refuse for good is dropped.
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../src/shared/contract';
import type { PlanDraft } from '../../../src/shared/contract/plan-drafts';
import { moveLegacyPlanDrafts } from '../../../src/renderer/src/screens/plan/legacy-plan-drafts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const PLAN = { items: [{ treatment: 'pico-laser', date: null }] };

/** localStorage's shape: its keys are its own properties. */
function storageOf(entries: Record<string, string>) {
  const storage = { ...entries } as Record<string, unknown> & { getItem(key: string): string | null; removeItem(key: string): void };
  Object.defineProperties(storage, {
    getItem: { value: (key: string) => (typeof storage[key] === 'string' ? (storage[key] as string) : null), enumerable: false },
    removeItem: { value: (key: string) => delete storage[key], enumerable: false },
  });
  return storage;
}

describe('moveLegacyPlanDrafts', () => {
  it('moves each draft into the database unless one is there, and leaves only what cannot be moved now', async () => {
    const storage = storageOf({
      'clinicdesk.language': 'ko',
      [`clinicdesk.planDraft.${A}`]: JSON.stringify({ baseVersion: 2, plan: PLAN, savedAt: 'then' }),
      [`clinicdesk.planDraft.${B}`]: JSON.stringify({ baseVersion: 0, plan: PLAN, savedAt: 'then' }),
      [`clinicdesk.planDraft.${C}`]: 'not json',
    });
    const saved: unknown[] = [];
    await moveLegacyPlanDrafts(storage, {
      getPlanDraft: async ({ patientId }) => (patientId === B ? fail('forbidden', 'Sign in first.') : ok(null)),
      savePlanDraft: async (input) => {
        saved.push(input);
        return ok({ savedAt: 'now' });
      },
    });
    expect(saved).toEqual([{ patientId: A, baseVersion: 2, plan: PLAN }]);
    expect(Object.keys(storage).sort()).toEqual(['clinicdesk.language', `clinicdesk.planDraft.${B}`]);
  });

  it('keeps the database draft, drops one the services refuse for good, and one that is no plan unsent', async () => {
    const storage = storageOf({
      [`clinicdesk.planDraft.${A}`]: JSON.stringify({ baseVersion: 1, plan: PLAN }),
      [`clinicdesk.planDraft.${B}`]: JSON.stringify({ baseVersion: 1, plan: PLAN }),
      [`clinicdesk.planDraft.${C}`]: JSON.stringify({ baseVersion: 1, plan: { items: 'x' } }),
    });
    const saved: string[] = [];
    await moveLegacyPlanDrafts(storage, {
      getPlanDraft: async ({ patientId }) =>
        ok<PlanDraft | null>(
          patientId === A ? { baseVersion: 3, plan: { items: [], acknowledgements: [], discounts: {}, rate: null }, savedAt: 'now' } : null,
        ),
      savePlanDraft: async ({ patientId }) => {
        saved.push(patientId);
        return fail('invalid_input', 'Check the plan.');
      },
    });
    expect(saved).toEqual([B]);
    expect(Object.keys(storage)).toEqual([]);
  });
});
