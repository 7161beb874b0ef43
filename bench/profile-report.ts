// npx tsx bench/profile-report.ts [db-file]: the report summary's statements one by one, with their query plans,
// on a year of generated patients (built once into the file given, reused after), to see which one costs.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openServices } from '../src/main/services/open-services';
import { REPORT_SQL } from '../src/main/db/repositories/reports-repository';
import { REFERRAL_ROUTES } from '../src/shared/domain/intake/vocabulary';
import { TREATMENT_IDS } from '../src/shared/domain/catalog/catalog-schema';
import { generatePatients } from './generate-patients';
import { seededRandom } from './seeded-random';

const file = process.argv[2] ?? '/tmp/clinicdesk-profile-report.sqlite';
const fresh = !existsSync(file);
// A profiling file of generated patients only: the plain baseline, like the benchmark's.
const services = openServices({ databasePath: file, key: 'unencrypted' });
const { db } = services.context;
if (fresh) {
  const patients = generatePatients(Number(process.env.BENCH_PATIENTS ?? 100_000));
  const random = seededRandom(23);
  const statuses = ['done', 'done', 'done', 'no_show', 'cancelled', 'scheduled'] as const;
  const addFollowUp = db.prepare(`INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at, done_at)
    VALUES (?, ?, ?, '["pico-laser"]', ?, ?, ?)`);
  await services.context.store.transaction(async (tx) => {
    for (const [index, patient] of patients.entries()) {
      const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      const route = Math.floor(random() * (REFERRAL_ROUTES.length + 1));
      await tx.patients.insert(
        id,
        route < REFERRAL_ROUTES.length
          ? { ...patient, referral: { route: REFERRAL_ROUTES[route]!, agencyName: 'A', agencyRegistrationNumber: 'R', referrer: '' } }
          : patient,
        '2026-01-01T00:00:00Z',
      );
      const seq = (await tx.patients.seqOf(id))!;
      const day = Math.floor(random() * 360);
      const items = Array.from({ length: 4 }, (_, n) => ({
        treatment: TREATMENT_IDS[Math.floor(random() * TREATMENT_IDS.length)]!,
        date: new Date(Date.parse('2026-01-01T00:00:00Z') + (day + n) * 86_400_000).toISOString().slice(0, 10),
        status: statuses[Math.floor(random() * statuses.length)]!,
      }));
      await tx.plans.save(seq, { items, acknowledgements: [], discounts: {}, rate: null }, 0, '2026-01-01T00:00:00Z', 'bench');
      for (let step = 0; step < 10; step++) {
        const due = new Date(Date.parse('2026-01-01T01:00:00Z') + Math.floor(random() * 730) * 86_400_000);
        addFollowUp.run(
          `f-${index}-${step}`,
          seq,
          `step-${step}`,
          due.toISOString().slice(0, 10),
          due.toISOString(),
          random() < 0.5 ? due.toISOString() : null,
        );
      }
    }
  });
}
const params = { from: '2026-01-01', to: '2026-12-31', today: '2026-11-24', overdueBefore: '2026-11-22T00:00:00Z' };
for (const [name, sql] of Object.entries(REPORT_SQL)) {
  const statement = db.prepare(sql);
  const bound = Object.fromEntries(Object.entries(params).filter(([key]) => sql.includes(`:${key}`)));
  statement.all(bound);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    statement.all(bound);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: median ${times[2]!.toFixed(1)} ms`);
  for (const row of db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bound) as { detail: string }[]) console.log(`    ${row.detail}`);
}
for (let i = 0; i < 2; i++) {
  const start = performance.now();
  const result = await services.dispatch('getKhidiReport', { year: 2026 });
  console.log(
    `getKhidiReport: ${(performance.now() - start).toFixed(0)} ms (${result.ok ? result.value.patients.length : 'failed'} patients)`,
  );
}
services.close();
