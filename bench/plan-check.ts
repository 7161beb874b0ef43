// The plan check through the service (checkCasePlan: parsing the case file, the schedule and the rules), for six
// treatments dated, and six of which three have no date and one waits for a next visit: an undated session is
// checked on every day it can still take, the costliest case of the rules. The floor is the bare domain call
// (checkPlan alone, no parsing, no door) on the same patient and sessions, so the figures read as ratios.
import type { OpenServices } from '../src/main/services/open-services';
import type { InputOf } from '../src/shared/contract';
import { clinicalContent } from '../src/main/content/clinical-content';
import { caseFileSchema } from '../src/shared/domain/intake/case-file';
import { checkPlan, type PlannedSession } from '../src/shared/domain/rules/check-plan';
import { fixtureCase } from './fixture-case';
import { percentile, type Emit } from './measure';

async function p95(run: () => unknown, runs = 500): Promise<number> {
  for (let i = 0; i < 50; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return percentile(samples, 95);
}

type PlanItems = NonNullable<InputOf<'checkCasePlan'>['caseFile']['plan']>['items'];

const DATED: PlanItems = [
  { treatment: 'pico-laser', date: '2026-12-03' },
  { treatment: 'rejuran-healer', date: '2026-12-03' },
  { treatment: 'fraxel', date: '2026-12-04' },
  { treatment: 'hydrafacial', date: '2026-12-05' },
  { treatment: 'ipl', date: '2026-12-07' },
  { treatment: 'rf-microneedling', date: '2026-12-02' },
];
const UNDATED: PlanItems = [
  { treatment: 'pico-laser', date: '2026-12-03' },
  { treatment: 'rejuran-healer', date: null },
  { treatment: 'fraxel', date: null },
  { treatment: 'hydrafacial', date: '2026-12-05' },
  { treatment: 'ipl', date: null },
  { treatment: 'fractional-co2', date: null, nextVisit: true },
];

export async function benchPlanCheck(services: OpenServices, emit: Emit, progress: (text: string) => void): Promise<void> {
  const base = fixtureCase('zh-Hans');
  // Every date question answered with a date inside its window, so each date rule is tried on every day.
  const screening = {
    ...base.patient.screening,
    isotretinoinLastDose: '2026-10-01',
    retinoidLastUse: '2026-11-28',
    lastSunExposure: '2026-11-25',
    recentFillerOrToxin: '2026-11-25',
  };
  const caseOf = (items: PlanItems) => ({ ...base, patient: { ...base.patient, screening }, plan: { items } });
  const { catalog, rules } = clinicalContent();
  for (const [name, items] of [
    ['plan_check_p95_ms', DATED],
    ['plan_check_undated_p95_ms', UNDATED],
  ] as const) {
    const caseFile = caseOf(items);
    const first = await services.dispatch('checkCasePlan', { caseFile });
    if (!first.ok) {
      // Not this benchmark's to fix: say so and leave the figure out rather than lose the others.
      progress(`${name} left out: checkCasePlan failed: ${JSON.stringify(first.error)}`);
      continue;
    }
    emit(name, await p95(() => services.dispatch('checkCasePlan', { caseFile })), 'ms');
    const parsed = caseFileSchema.parse(caseFile);
    const { photos: _photos, ...patient } = parsed.patient;
    const sessions = parsed.plan!.items as PlannedSession[];
    emit(
      `${name.replace('_p95_ms', '')}_domain_floor_p95_ms`,
      await p95(() => checkPlan(patient, sessions, catalog, rules, '2026-11-24')),
      'ms',
    );
  }
}
