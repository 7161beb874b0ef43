// The due list answers what it answered before its Korea times were read once per instant from a kept formatter:
// the old query's rows, each with formatInTimeZone's Korea time, state, questions and photos, in the same order and
// cut, at any instant and page size, on generated patients and follow-ups (many due at the same 10:00 home time,
// others at odd minutes, some answered, some of a restricted record).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInTimeZone } from 'date-fns-tz';
import { generatePatients } from '../../../bench/generate-patients';
import { seededRandom } from '../../../bench/seeded-random';
import { clinicalContent } from '../../../src/main/content/clinical-content';
import { DUE_FOLLOWUPS_SQL, dueFollowUpOf } from '../../../src/main/db/repositories/followups-repository';
import { dueInstant, followUpState } from '../../../src/shared/domain/followups/due-time';
import { openTempServices, valueOf, type TempServices } from '../../support/temp-services';

let services: TempServices;
const DAY_MS = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00Z');

beforeAll(async () => {
  services = openTempServices();
  const ids: string[] = [];
  for (const patient of generatePatients(24, 5)) ids.push(valueOf(await services.dispatch('createPatient', { patient })).id);
  const db = services.context.db;
  const steps = clinicalContent().followUps.steps.map((step) => step.id);
  const random = seededRandom(3);
  const insert = db.prepare(`INSERT INTO followups (id, patient_seq, step, treatments_json, local_date, due_at, done_at)
    VALUES (?, ?, ?, '["pico-laser"]', ?, ?, ?)`);
  const patients = db.prepare<[], { seq: number; home_time_zone: string }>('SELECT seq, home_time_zone FROM patients').all();
  let n = 0;
  db.transaction(() => {
    for (const { seq, home_time_zone: zone } of patients) {
      // Each step four times (the ones after the first under a name the schedule does not know: no question, no photos).
      [...steps, ...steps.map((step) => `${step}.2`), ...steps.map((step) => `${step}.3`), ...steps.map((step) => `${step}.4`)].forEach(
        (step) => {
          const day = new Date(START + Math.floor(random() * 120) * DAY_MS).toISOString().slice(0, 10);
          // Most at 10:00 on the patient's clock (shared by every patient of that zone on that day), some at odd minutes.
          const due =
            random() < 0.8
              ? dueInstant(day, {}, zone)
              : new Date(Date.parse(`${day}T00:00:00Z`) + Math.floor(random() * 1440) * 60_000).toISOString();
          const done = random() < 0.2 ? due : null;
          insert.run(`f-${n++}`, seq, step, day, due, done);
        },
      );
    }
  })();
  valueOf(await services.dispatch('requestErasure', { patientId: ids[3]!, reason: '' }));
}, 120_000);
afterAll(() => services.dispose());

/** The list as the service built it before: the same query, each row's Korea time from formatInTimeZone. */
function before(at: string, limit: number) {
  const now = new Date(at);
  const steps = new Map(clinicalContent().followUps.steps.map((step) => [step.id, step]));
  const rows = services.context.db
    .prepare<{ at: string; limit: number }, Record<string, string>>(DUE_FOLLOWUPS_SQL)
    .all({ at: now.toISOString(), limit: limit + 1 })
    .map(dueFollowUpOf);
  const followUps = rows.slice(0, limit).map((row) => ({
    ...row,
    dueKorea: formatInTimeZone(new Date(row.dueAt), 'Asia/Seoul', 'yyyy-MM-dd HH:mm'),
    state: followUpState(row.dueAt, now, false),
    ask: steps.get(row.step)?.ask ?? { ko: '', en: '' },
    photos: steps.get(row.step)?.photos ?? [],
    outcome: row.outcome === '' ? null : row.outcome,
  }));
  return { at: now.toISOString(), followUps, truncated: rows.length > limit };
}

describe('the due list', () => {
  it('equals the list as it was built before, at any instant and page size', async () => {
    const open = services.context.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM followups WHERE done_at IS NULL').get()!;
    expect(open.n).toBeGreaterThan(200);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 150 * 24 * 60 }),
        fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(500)),
        async (minutes, limit) => {
          const at = new Date(START + minutes * 60_000).toISOString();
          const listed = valueOf(await services.dispatch('listDueFollowUps', { at, limit }));
          expect(listed).toEqual(before(at, limit));
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('has rows sharing a due instant and rows of their own, so both ways to their Korea time are taken', () => {
    const all = before('2027-03-01T00:00:00Z', 500).followUps;
    const perInstant = new Map<string, number>();
    for (const row of all) perInstant.set(row.dueAt, (perInstant.get(row.dueAt) ?? 0) + 1);
    expect([...perInstant.values()].some((count) => count > 1)).toBe(true);
    expect([...perInstant.values()].some((count) => count === 1)).toBe(true);
  });
});
