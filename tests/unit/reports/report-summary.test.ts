// The coordinator's numbers through the service, on a real temporary database: patients seen in the range by
// nationality, language and referral route; sessions done, moved and no-show; follow-ups; revenue by treatment.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../../src/shared/domain/reports/summary';
import { openTestServices, type TestServices } from '../../support/test-services';
import { addReportPatients, type GeneratedReportPatient } from '../../support/report-patients';

let services: TestServices;
let patients: GeneratedReportPatient[];
beforeEach(async () => {
  services = await openTestServices();
  patients = await addReportPatients(services, 36);
});
afterEach(() => services.dispose());

async function summary(from: string, to: string): Promise<ReportSummary> {
  const result = await services.dispatch('getReportSummary', { from, to });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('the report summary', () => {
  it('counts the patients seen in the range three ways, their sessions, and the revenue of the done ones', async () => {
    const value = await summary('2026-01-01', '2026-12-31');
    const seen = patients.filter((p) => p.inYear);
    expect(value.patients).toBe(seen.length);
    for (const grouping of [value.byNationality, value.byLanguage, value.byReferral]) {
      expect(grouping.reduce((sum, row) => sum + row.patients, 0)).toBe(seen.length);
    }
    expect(value.byNationality.find((row) => row.key === 'CN')?.patients).toBe(seen.filter((p) => p.nationality === 'CN').length);
    expect(value.byReferral.find((row) => row.key === '')?.patients).toBe(seen.filter((p) => !p.hasRoute).length);
    const done = seen.filter((p) => p.done).length;
    expect(value.sessions).toMatchObject({ done, noShow: 0, moved: 0 });
    expect(value.revenue).toHaveLength(1);
    expect(value.revenue[0]!.sessions).toBe(done);
    expect(value.revenue[0]!.revenueKrw).toBeGreaterThan(0);
  });

  it('sees a no-show and a moved session in their range', async () => {
    const [first, second] = patients.filter((p) => p.inYear && !p.done);
    const plan = await services.dispatch('getPatientPlan', { patientId: first!.id });
    if (!plan.ok) throw new Error('no plan');
    const item = plan.value.plan.items[0]!;
    const moved = await services.dispatch('savePatientPlan', {
      patientId: first!.id,
      expectedVersion: plan.value.version,
      plan: { ...plan.value.plan, items: [{ ...item, date: `${item.date!.slice(0, 8)}12` }] },
    });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    const missed = await services.dispatch('setSessionStatus', { patientId: second!.id, index: 0, expectedVersion: 1, status: 'no_show' });
    expect(missed.ok, JSON.stringify(missed)).toBe(true);
    const value = await summary('2026-01-01', '2026-12-31');
    expect(value.sessions).toMatchObject({ moved: 1, noShow: 1 });
    // The no-show is not a visit: that patient is no longer counted as seen.
    expect(value.patients).toBe(patients.filter((p) => p.inYear).length - 1);
  });

  it('counts no session in the future as done, seen or revenue, even one a plan from before the policy marks done', async () => {
    const [patient] = patients.filter((p) => p.inYear && !p.done);
    const before = await summary('2026-01-01', '2026-12-31');
    // Written below the services, as an old plan could hold it: done on a day after today (2026-11-24).
    const plan = { items: [{ treatment: 'pico-laser', date: '2026-12-20', status: 'done', record: { doctor: 'Dr. Kim' } }] };
    const saved = await services.context.store.transaction(async (tx) => {
      const seq = (await tx.patients.seqOf(patient!.id))!;
      return tx.plans.save(seq, plan, (await tx.plans.get(seq))!.version, 'x', 'test');
    });
    expect(saved).toBe('saved');
    const after = await summary('2026-01-01', '2026-12-31');
    expect(after.sessions.done).toBe(before.sessions.done);
    expect(after.revenue).toEqual(before.revenue);
    // Its old session (the only visit) is gone from the plan, and the future one is no visit.
    expect(after.patients).toBe(before.patients - 1);
  });

  it('refuses a range that ends before it starts, pointing at `to`, and changes nothing', async () => {
    const before = await services.snapshot();
    const result = await services.dispatch('getReportSummary', { from: '2026-12-31', to: '2026-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['to'], code: 'invalid' }] } });
    expect(await services.snapshot()).toBe(before);
  });
});
