// The Today screen's data (getToday) over the bench's database: 100,000 patients, their plans and 1,000,000
// follow-ups, beside its floor, the bare statements it reads (the travellers, the plans with a session today,
// the due list), timed in turns. The bench's plans put about a thousand sessions on every day of 2026, many times
// a real desk's day, so the figure is the Today of a very busy clinic.
import type { Db } from '../src/main/db/open-database';
import { DUE_FOLLOWUPS_SQL } from '../src/main/db/repositories/followups-repository';
import { TRAVELLERS_SQL } from '../src/main/db/repositories/trips-repository';
import type { OpenServices } from '../src/main/services/open-services';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../src/shared/domain/intake/calendar-date';
import { inTurns, percentile, time } from './measure';

const RUNS = 20;
const PLANS_WITH_SESSIONS_SQL = `SELECT patients.id, plans.plan_json, plans.version FROM plans
  JOIN patients ON patients.seq = plans.patient_seq
  WHERE plans.patient_seq IN (SELECT patient_seq FROM plan_sessions WHERE date BETWEEN ? AND ?)`;

export async function benchToday(
  services: OpenServices<Db>,
  db: Db,
  emit: (name: string, value: number, unit: string) => void,
  progress: (text: string) => void,
): Promise<void> {
  const now = new Date();
  const today = todayIn(CLINIC_TIME_ZONE, now);
  const travellers = db.prepare(TRAVELLERS_SQL);
  const plans = db.prepare(PLANS_WITH_SESSIONS_SQL);
  const due = db.prepare(DUE_FOLLOWUPS_SQL);
  const floor = () =>
    db.transaction(() => {
      travellers.all({ from: today, to: addDays(today, 1) });
      plans.all(today, today);
      due.all({ at: now.toISOString(), limit: 201 });
    })();
  const first = await services.dispatch('getToday', {});
  if (!first.ok) throw new Error(`getToday failed: ${JSON.stringify(first.error)}`);
  progress(
    `  today ${today}: ${first.value.sessions.length} sessions, ${first.value.arrivals.today.length} arrivals, ${first.value.followUps.length} follow-ups due`,
  );
  floor();
  const times: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await inTurns(
      i,
      async () => times.push(await time(() => services.dispatch('getToday', {}))),
      async () => floorTimes.push(await time(floor)),
    );
  }
  emit('today_screen_ms', percentile(times, 50), 'ms');
  emit('today_screen_sql_floor_ms', percentile(floorTimes, 50), 'ms');
  emit('today_screen_vs_floor_ratio', percentile(times, 50) / percentile(floorTimes, 50), 'ratio');
}
