// The due list (listDueFollowUps) over 1,000,000 follow-ups (ten for each of the bench's patients, due over two
// years, most of the past ones answered), at random instants through the service, beside the same query as bare
// SQL: followups_due_p95_ms against followups_due_sql_floor_p95_ms, taken in turns.
import type { OpenServices } from '../src/main/services/open-services';
import { DUE_FOLLOWUPS_SQL } from '../src/main/db/repositories/followups-repository';
import { seededRandom } from './seeded-random';
import { inTurns, percentile, timeAndCpu, type Emit } from './measure';

const FOLLOW_UPS_PER_PATIENT = 10;
const DAY_MS = 86_400_000;

export async function benchDueList(services: OpenServices, emit: Emit, progress: (text: string) => void): Promise<void> {
  const { db } = services.context;
  progress('adding 1,000,000 follow-ups...');
  const followRandom = seededRandom(11);
  const insertFollowUp = db.prepare(`INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at, done_at)
    VALUES (?, ?, ?, '["pico-laser"]', ?, ?, ?)`);
  const seqs = db.prepare('SELECT seq FROM patients').pluck().all() as number[];
  const start = Date.parse('2026-01-01T01:00:00Z');
  db.transaction(() => {
    let n = 0;
    for (const seq of seqs) {
      for (let step = 0; step < FOLLOW_UPS_PER_PATIENT; step++) {
        const due = new Date(start + Math.floor(followRandom() * 730) * DAY_MS);
        // Follow-ups already answered carry done_at; the due list never shows them.
        const done = due.getTime() < Date.parse('2026-11-01T00:00:00Z') && followRandom() < 0.9 ? due.toISOString() : null;
        insertFollowUp.run(`f-${n++}`, seq, `step-${step}`, due.toISOString().slice(0, 10), due.toISOString(), done);
      }
    }
  })();
  const bareDue = db.prepare(DUE_FOLLOWUPS_SQL).raw(true);
  const instants = Array.from({ length: 300 }, () => new Date(start + followRandom() * 730 * DAY_MS).toISOString());
  for (const at of instants.slice(0, 30)) {
    await services.dispatch('listDueFollowUps', { at });
    bareDue.all({ at, limit: 501 });
  }
  const due = { wall: [] as number[], cpu: [] as number[] };
  const floor = { wall: [] as number[], cpu: [] as number[] };
  const keep = (into: typeof due) => (taken: { wall: number; cpu: number }) => {
    into.wall.push(taken.wall);
    into.cpu.push(taken.cpu);
  };
  for (const [i, at] of instants.entries()) {
    await inTurns(
      i,
      async () => keep(due)(await timeAndCpu(() => services.dispatch('listDueFollowUps', { at }))),
      async () => keep(floor)(await timeAndCpu(() => bareDue.all({ at, limit: 501 }))),
    );
  }
  emit('followups_due_p95_ms', percentile(due.wall, 95), 'ms');
  emit('followups_due_sql_floor_p95_ms', percentile(floor.wall, 95), 'ms');
  emit('followups_due_vs_floor_ratio', percentile(due.wall, 95) / percentile(floor.wall, 95), 'ratio');
  // In CPU time too (see the search's figures in run.ts: on a shared machine the wall-clock p95 is mostly waiting).
  emit('followups_due_vs_floor_cpu_ratio', percentile(due.cpu, 95) / percentile(floor.cpu, 95), 'ratio');
}
