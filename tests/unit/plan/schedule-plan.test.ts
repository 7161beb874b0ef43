import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TREATMENT_IDS, type TreatmentId } from '../../../src/shared/domain/catalog/catalog-schema';
import { addDays, daysBetween } from '../../../src/shared/domain/intake/calendar-date';
import { DEFAULT_CLINIC_HOURS, isOpen, minutesOf } from '../../../src/shared/domain/schedule/clinic-hours';
import { checkSchedule, lastDayFor, mayShareDay, schedulePlan } from '../../../src/shared/domain/schedule/schedule-plan';
import { checkPlan } from '../../../src/shared/domain/rules/check-plan';
import { patientSchema } from '../../../src/shared/domain/intake/patient-schema';
import { realCatalog, realRules } from '../../support/clinical-content';
import { fixtureIntake } from '../../support/temp-services';

const catalog = realCatalog();
const rules = realRules();
const BASE_PATIENT = patientSchema.parse(fixtureIntake('en'));
const byId = new Map(catalog.map((t) => [t.id, t]));
const hours = DEFAULT_CLINIC_HOURS;

describe('scheduling a plan inside the stay', () => {
  it('places a three-week plan of four treatments with their intervals and downtimes', () => {
    const items = [
      ...Array.from({ length: 2 }, () => ({ treatment: 'pico-laser' as const, date: null })),
      { treatment: 'rejuran-healer' as const, date: null },
      { treatment: 'fraxel' as const, date: null },
      { treatment: 'hydrafacial' as const, date: null },
    ];
    const schedule = schedulePlan({ arrival: '2026-12-01', departure: '2026-12-22', today: '2026-11-01', items }, catalog, hours);
    expect(schedule.sessions).toHaveLength(5);
    expect(schedule.nextVisit).toEqual([]);
    // The fraxel (longest downtime) goes first, early in the stay.
    const fraxel = schedule.sessions.find((s) => s.treatment === 'fraxel')!;
    expect(fraxel.date <= lastDayFor(byId.get('fraxel')!, '2026-12-22')).toBe(true);
    const picos = schedule.sessions.filter((s) => s.treatment === 'pico-laser').map((s) => s.date);
    expect(daysBetween(picos[0]!, picos[1]!)).toBeGreaterThanOrEqual(byId.get('pico-laser')!.course.value.minIntervalDays);
  });

  it('moves what does not fit to a next visit and says so', () => {
    const items = Array.from({ length: 5 }, () => ({ treatment: 'fractional-co2' as const, date: null }));
    const schedule = schedulePlan({ arrival: '2026-12-01', departure: '2026-12-08', today: '2026-11-01', items }, catalog, hours);
    expect(schedule.nextVisit.reduce((sum, n) => sum + n.sessions, 0) + schedule.sessions.length).toBe(5);
    expect(schedule.nextVisit.length).toBe(1);
    expect(schedule.findings.some((f) => f.rule === 'schedule-next-visit' && f.treatment === 'fractional-co2')).toBe(true);
  });

  it('reports fixed sessions outside the stay, too close together, on a closed day or two resurfacings in a day', () => {
    const stay = { arrival: '2026-12-01', departure: '2026-12-10' };
    const findings = checkSchedule(
      stay,
      [
        { treatment: 'pico-laser', date: '2026-11-30' },
        { treatment: 'pico-laser', date: '2026-12-02' },
        { treatment: 'pico-laser', date: '2026-12-03' },
        { treatment: 'hydrafacial', date: '2026-12-06' }, // a Sunday
        { treatment: 'fraxel', date: '2026-12-04' },
        { treatment: 'tca-cross', date: '2026-12-04' },
      ],
      catalog,
      hours,
    );
    const rules = findings.map((f) => `${f.rule}:${f.treatment}:${f.date}`);
    expect(rules).toContain('schedule-outside-stay:pico-laser:2026-11-30');
    expect(rules).toContain('schedule-interval:pico-laser:2026-12-03');
    expect(rules).toContain('schedule-clinic-closed:hydrafacial:2026-12-06');
    expect(rules).toContain('schedule-same-day:tca-cross:2026-12-04');
  });

  it('never books the departure day, and a session on the last allowed day just fits', () => {
    const pico = byId.get('pico-laser')!;
    const last = lastDayFor(pico, '2026-12-10');
    expect(
      checkSchedule({ arrival: '2026-12-01', departure: '2026-12-10' }, [{ treatment: 'pico-laser', date: last }], catalog, hours).filter(
        (f) => f.rule !== 'schedule-clinic-closed',
      ),
    ).toEqual([]);
    expect(
      checkSchedule(
        { arrival: '2026-12-01', departure: '2026-12-10' },
        [{ treatment: 'pico-laser', date: '2026-12-10' }],
        catalog,
        hours,
      ).map((f) => f.rule),
    ).toContain('schedule-outside-stay');
  });
});

describe('the scheduler and today', () => {
  const stay = { arrival: '2026-12-01', departure: '2026-12-22' };
  const items = [
    ...Array.from({ length: 2 }, () => ({ treatment: 'laser-toning' as const, date: null })),
    { treatment: 'rejuran-healer' as const, date: null },
  ];

  it('never books a day before today for a patient already in Korea', () => {
    const schedule = schedulePlan({ ...stay, today: '2026-12-09', items }, catalog, hours);
    expect(schedule.sessions.length).toBeGreaterThan(0);
    for (const session of schedule.sessions) expect(session.date >= '2026-12-09').toBe(true);
  });

  it('books nothing for a patient who has gone home (or leaves today), and says so', () => {
    for (const today of ['2026-12-22', '2027-01-15']) {
      const schedule = schedulePlan({ ...stay, today, items }, catalog, hours);
      expect(schedule.sessions).toEqual([]);
      expect([...schedule.nextVisit].sort((a, b) => a.treatment.localeCompare(b.treatment))).toEqual([
        { treatment: 'laser-toning', sessions: 2 },
        { treatment: 'rejuran-healer', sessions: 1 },
      ]);
      expect(schedule.findings.map((f) => f.rule)).toEqual(['schedule-trip-over']);
    }
  });

  it('keeps sessions already at a next visit there', () => {
    const schedule = schedulePlan(
      { ...stay, today: '2026-11-01', items: [{ treatment: 'ipl', date: null, nextVisit: true }] },
      catalog,
      hours,
    );
    expect(schedule.sessions).toEqual([]);
    expect(schedule.nextVisit).toEqual([{ treatment: 'ipl', sessions: 1 }]);
  });
});

describe('treatments on one day', () => {
  it('puts together only what the catalog lists: a laser then a booster, never a resurfacing laser, a toning, a booster and a peel', () => {
    const items = (['fraxel', 'laser-toning', 'rejuran-healer', 'chemical-peel'] as const).map((treatment) => ({ treatment, date: null }));
    const schedule = schedulePlan({ arrival: '2026-12-01', departure: '2026-12-22', today: '2026-11-01', items }, catalog, hours);
    const days = new Map<string, string[]>();
    for (const session of schedule.sessions) days.set(session.date, [...(days.get(session.date) ?? []), session.treatment]);
    for (const [date, together] of days) {
      for (const a of together)
        for (const b of together)
          if (a < b) expect(mayShareDay(byId.get(a as TreatmentId)!, byId.get(b as TreatmentId)!), `${a}+${b} on ${date}`).toBe(true);
    }
    expect([...days.values()].every((together) => together.length <= 2)).toBe(true);
    // The pairing is data, and either side listing the other is enough.
    expect(mayShareDay(byId.get('laser-toning')!, byId.get('rejuran-healer')!)).toBe(true);
    expect(mayShareDay(byId.get('rejuran-healer')!, byId.get('laser-toning')!)).toBe(true);
    expect(mayShareDay(byId.get('fraxel')!, byId.get('laser-toning')!)).toBe(false);
    expect(mayShareDay(byId.get('chemical-peel')!, byId.get('laser-toning')!)).toBe(false);
  });

  it('reports two dated treatments on one day that the catalog does not pair, as a caution for the doctor', () => {
    const findings = checkSchedule(
      { arrival: '2026-12-01', departure: '2026-12-22' },
      [
        { treatment: 'laser-toning', date: '2026-12-02' },
        { treatment: 'chemical-peel', date: '2026-12-02' },
        { treatment: 'pico-laser', date: '2026-12-03' },
        { treatment: 'rejuran-healer', date: '2026-12-03' },
      ],
      catalog,
      hours,
    );
    expect(findings.map((f) => `${f.rule}:${f.severity}:${f.date}`)).toEqual(['schedule-same-day-unlisted:caution:2026-12-02']);
  });
});

describe('scheduler properties (random stays and plans)', () => {
  const stays = fc
    .record({ start: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 1, max: 21 }) })
    .map(({ start, length }) => ({ arrival: addDays('2026-06-01', start), departure: addDays('2026-06-01', start + length) }));
  const plans = fc.array(fc.record({ treatment: fc.constantFrom(...TREATMENT_IDS), count: fc.integer({ min: 1, max: 4 }) }), {
    minLength: 1,
    maxLength: 6,
  });

  it('no session outside the stay, no interval broken, no downtime past departure, no closed day, no clash: or a finding says so', () => {
    fc.assert(
      fc.property(stays, plans, fc.integer({ min: -10, max: 25 }), (stay, plan, todayOffset) => {
        const items = plan.flatMap(({ treatment, count }) => Array.from({ length: count }, () => ({ treatment, date: null })));
        const today = addDays(stay.arrival, todayOffset);
        const schedule = schedulePlan({ ...stay, today, items }, catalog, hours);
        const scheduled = schedule.sessions;
        // Every requested session is either booked or listed for the next visit, and the next visit has a finding.
        const deferred = schedule.nextVisit.reduce((sum, n) => sum + n.sessions, 0);
        expect(scheduled.length + deferred).toBe(items.length);
        const tripOver = (today > stay.arrival ? today : stay.arrival) >= stay.departure;
        if (tripOver) expect(schedule.findings.map((f) => f.rule)).toContain('schedule-trip-over');
        else
          for (const n of schedule.nextVisit)
            expect(schedule.findings.some((f) => f.rule === 'schedule-next-visit' && f.treatment === n.treatment)).toBe(true);
        for (const session of scheduled) {
          const treatment = byId.get(session.treatment as TreatmentId)!;
          expect(session.date >= stay.arrival && session.date < stay.departure).toBe(true);
          // Never in the past.
          expect(session.date >= today).toBe(true);
          expect(session.date <= lastDayFor(treatment, stay.departure)).toBe(true);
          expect(isOpen(hours, session.date)).toBe(true);
          expect(minutesOf(session.time) + session.minutes).toBeLessThanOrEqual(minutesOf(hours.closesAt));
          for (const other of scheduled) {
            if (other === session || other.date > session.date) continue;
            if (other.treatment === session.treatment) {
              expect(daysBetween(other.date, session.date)).toBeGreaterThanOrEqual(Math.max(1, treatment.course.value.minIntervalDays));
            }
            if (other.date === session.date) expect(mayShareDay(byId.get(other.treatment)!, treatment)).toBe(true);
          }
        }
        // And the scheduler's own check agrees: nothing it booked is flagged.
        expect(checkSchedule(stay, scheduled, catalog, hours)).toEqual([]);
        expect(tripOver ? scheduled.length : 0).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('fixed sessions that break a constraint are always reported', () => {
    fc.assert(
      fc.property(stays, fc.constantFrom(...TREATMENT_IDS), fc.integer({ min: -5, max: 25 }), (stay, treatment, offset) => {
        const date = addDays(stay.arrival, offset);
        const sessions = [{ treatment, date }];
        const patient = { ...BASE_PATIENT, trip: { ...BASE_PATIENT.trip, ...stay } };
        const findings = [
          ...checkSchedule(stay, sessions, catalog, hours),
          ...checkPlan(patient, sessions, catalog, rules, '2026-01-01'),
        ].map((f) => f.rule);
        if (date < stay.arrival || date >= stay.departure) expect(findings).toContain('schedule-outside-stay');
        else if (date > lastDayFor(byId.get(treatment)!, stay.departure)) expect(findings).toContain('downtime-after-departure');
        else expect(findings).not.toContain('downtime-after-departure');
        if (!isOpen(hours, date)) expect(findings).toContain('schedule-clinic-closed');
      }),
      { numRuns: 300 },
    );
  });
});
