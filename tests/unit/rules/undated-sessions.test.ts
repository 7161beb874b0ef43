// No date, no pass: a session without a date is checked on every day it can still take, and a session at a next
// visit on the days after the flight home, against every date rule (a rule reading a screening date: isotretinoin,
// retinoid, sun, filler or toxin). The rules are found in the real content by what they read, not by id, so a rule
// added or renamed is covered too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Treatment, TreatmentId } from '../../../src/shared/domain/catalog/catalog-schema';
import { addDays, daysBetween } from '../../../src/shared/domain/intake/calendar-date';
import { patientSchema, type PatientIntake } from '../../../src/shared/domain/intake/patient-schema';
import { DATE_NOT_ASKED, SCREENING_DATES, type ScreeningDate } from '../../../src/shared/domain/intake/vocabulary';
import { checkPlan, dependsOnScreeningDate, ruleAppliesTo, type PlannedSession } from '../../../src/shared/domain/rules/check-plan';
import type { Condition, Rule } from '../../../src/shared/domain/rules/rule-schema';
import { sessionTiming } from '../../../src/shared/domain/rules/session-timing';
import { CLEAN_SCREENING } from '../../support/clean-screening';
import { realCatalog, realRules } from '../../support/clinical-content';
import { fixtureIntake } from '../../support/temp-services';

const catalog = realCatalog();
const rules = realRules();
const byId = new Map(catalog.map((t) => [t.id, t]));

/** The screening dates a rule reads, with their windows. */
function windowsOf(condition: Condition): { question: ScreeningDate; days: number }[] {
  if ('withinDaysBeforeSession' in condition) return [{ question: condition.withinDaysBeforeSession, days: condition.days }];
  if ('all' in condition) return condition.all.flatMap(windowsOf);
  if ('any' in condition) return condition.any.flatMap(windowsOf);
  if ('not' in condition) return windowsOf(condition.not);
  return [];
}

const DATE_RULES = rules.filter((rule) => dependsOnScreeningDate(rule.when));
const firstTreatment = (rule: Rule): Treatment => catalog.find((t) => ruleAppliesTo(rule, t))!;

// Arrival 2027-01-25, departure 2027-02-05 (the Kuwaiti patient of the Arabic fixture), fully screened.
const base = fixtureIntake('ar') as unknown as PatientIntake;
function patient(screening: Partial<PatientIntake['screening']> = {}, trip: Partial<PatientIntake['trip']> = {}): PatientIntake {
  return patientSchema.parse({ ...base, trip: { ...base.trip, ...trip }, screening: { ...CLEAN_SCREENING, ...screening } });
}
const ARRIVAL = '2027-01-25';
const DEPARTURE = '2027-02-05';
const BEFORE_THE_STAY = '2026-12-03';

describe('the days a session can take', () => {
  it('is its date when it has one; the rest of the stay when it has none; after the flight home at a next visit', () => {
    const trip = { arrival: ARRIVAL, departure: DEPARTURE };
    expect(sessionTiming({ date: '2027-01-27' }, trip, BEFORE_THE_STAY)).toEqual({ kind: 'dated', date: '2027-01-27' });
    expect(sessionTiming({ date: null }, trip, BEFORE_THE_STAY)).toEqual({ kind: 'undated', from: ARRIVAL, to: '2027-02-04' });
    // In Korea already: from today, never the days behind.
    expect(sessionTiming({ date: null }, trip, '2027-01-30')).toEqual({ kind: 'undated', from: '2027-01-30', to: '2027-02-04' });
    expect(sessionTiming({ date: null, nextVisit: true }, trip, BEFORE_THE_STAY)).toEqual({ kind: 'next-visit', from: DEPARTURE });
    // Gone home, or leaving today: no day of this trip is left, so it can only be a next visit, from today.
    expect(sessionTiming({ date: null }, trip, DEPARTURE)).toEqual({ kind: 'next-visit', from: DEPARTURE });
    expect(sessionTiming({ date: null }, trip, '2027-03-01')).toEqual({ kind: 'next-visit', from: '2027-03-01' });
  });
});

describe('the date rules', () => {
  it('exist for every date question, so none of them can be skipped', () => {
    const read = new Set(DATE_RULES.flatMap((rule) => windowsOf(rule.when).map((w) => w.question)));
    expect([...read].sort()).toEqual([...SCREENING_DATES].sort());
  });
});

describe.each(DATE_RULES.map((rule) => [rule.id, rule] as const))('date rule %s', (_id, rule) => {
  const treatment = firstTreatment(rule);
  const [{ question, days }] = windowsOf(rule.when) as [{ question: ScreeningDate; days: number }];
  const findingsOf = (p: PatientIntake, session: PlannedSession, today = BEFORE_THE_STAY) =>
    checkPlan(p, [session], catalog, rules, today).filter((f) => f.rule === rule.id);

  it('fires on an undated session when it would fire on one of the days left, and says which', () => {
    // The window ends on the third day of the stay: it fires on arrival day and the next, then no more.
    const last = addDays(ARRIVAL, -(days - 2));
    const [finding, ...rest] = findingsOf(patient({ [question]: last }), { treatment: treatment.id, date: null });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ date: null, timing: { kind: 'undated', firesFrom: ARRIVAL, firesTo: addDays(ARRIVAL, 1) } });
  });

  it('stays silent on an undated session when no day left is inside the window', () => {
    const last = addDays(ARRIVAL, -days); // the window closes the day before arrival
    expect(findingsOf(patient({ [question]: last }), { treatment: treatment.id, date: null })).toEqual([]);
    // Nor once today has passed the window, with days of the stay still left.
    const inKorea = addDays(ARRIVAL, 3);
    expect(findingsOf(patient({ [question]: addDays(inKorea, -days) }), { treatment: treatment.id, date: null }, inKorea)).toEqual([]);
  });

  it('names the first day a next visit allows when the window outlasts the stay, and is silent when it does not', () => {
    const after = Math.min(10, days - 1); // the window closes this many days after the flight home
    const last = addDays(DEPARTURE, -(days - after));
    const [finding] = findingsOf(patient({ [question]: last }), { treatment: treatment.id, date: null, nextVisit: true });
    expect(finding).toMatchObject({ date: null, timing: { kind: 'next-visit', notBefore: addDays(last, days) } });
    expect(daysBetween(DEPARTURE, addDays(last, days))).toBe(after);
    const over = addDays(DEPARTURE, -days); // closes the day before the flight
    expect(findingsOf(patient({ [question]: over }), { treatment: treatment.id, date: null, nextVisit: true })).toEqual([]);
  });

  it('is never exempt because the question is empty: "not asked" is a caution of its own, "never" passes', () => {
    const session: PlannedSession = { treatment: treatment.id, date: null };
    const notAsked = patient({ [question]: DATE_NOT_ASKED });
    const never = patient({ [question]: null });
    expect(findingsOf(notAsked, session)).toEqual([]);
    expect(findingsOf(never, session)).toEqual([]);
    // "Not asked" adds a caution that "never" does not have.
    const neverRules = new Set(checkPlan(never, [session], catalog, rules, BEFORE_THE_STAY).map((f) => f.rule));
    const added = checkPlan(notAsked, [session], catalog, rules, BEFORE_THE_STAY).filter((f) => !neverRules.has(f.rule));
    expect(added.map((f) => f.severity)).toContain('caution');
  });
});

describe('the scenario of a patient on isotretinoin whose CO2 went to a next visit', () => {
  it('keeps the isotretinoin finding on the CO2, with the first day it allows', () => {
    const dose = addDays(ARRIVAL, -61); // two months before arrival
    const p = patient({ isotretinoinLastDose: dose });
    const plan: PlannedSession[] = [
      { treatment: 'laser-toning', date: '2027-01-26' },
      { treatment: 'rejuran-healer', date: '2027-01-26' },
      { treatment: 'fractional-co2', date: null, nextVisit: true },
    ];
    const co2 = checkPlan(p, plan, catalog, rules, BEFORE_THE_STAY).filter(
      (f) => f.treatment === 'fractional-co2' && f.rule.startsWith('isotretinoin'),
    );
    expect(co2.length).toBeGreaterThan(0);
    expect(co2[0]!.timing).toEqual({ kind: 'next-visit', notBefore: addDays(dose, 183) });
  });
});

describe('property: an undated session fires every date rule that some day of the stay fires', () => {
  const treatments = catalog.map((t) => t.id);
  const dateAnswer = fc.oneof(
    fc.constant(null),
    fc.constant(DATE_NOT_ASKED),
    fc.integer({ min: -400, max: 20 }).map((offset) => addDays(ARRIVAL, offset)),
  );
  const screening = fc.record(Object.fromEntries(SCREENING_DATES.map((q) => [q, dateAnswer])) as Record<ScreeningDate, typeof dateAnswer>);
  const stay = fc.record({ length: fc.integer({ min: 1, max: 21 }), todayOffset: fc.integer({ min: -30, max: 25 }) });
  const items = fc.array(
    fc.record({ treatment: fc.constantFrom(...treatments), dated: fc.boolean(), offset: fc.integer({ min: 0, max: 20 }) }),
    {
      minLength: 1,
      maxLength: 6,
    },
  );

  it('holds for random plans with some dates missing', () => {
    fc.assert(
      fc.property(screening, stay, items, (answers, { length, todayOffset }, drawn) => {
        const departure = addDays(ARRIVAL, length);
        const p = patient(answers, { departure });
        const today = addDays(ARRIVAL, todayOffset);
        const sessions: PlannedSession[] = drawn.map(({ treatment, dated, offset }) => ({
          treatment: treatment as TreatmentId,
          date: dated ? addDays(ARRIVAL, Math.min(offset, length - 1)) : null,
        }));
        const findings = checkPlan(p, sessions, catalog, rules, today);
        const from = today > ARRIVAL ? today : ARRIVAL;
        for (const session of sessions.filter((s) => s.date === null)) {
          for (let day = from; day < departure; day = addDays(day, 1)) {
            const onThatDay = sessions.map((s) => (s === session ? { ...s, date: day } : s));
            const fired = checkPlan(p, onThatDay, catalog, rules, today).filter(
              (f) => f.treatment === session.treatment && f.date === day && DATE_RULES.some((r) => r.id === f.rule),
            );
            for (const f of fired) {
              const undated = findings.find((u) => u.rule === f.rule && u.treatment === session.treatment && u.date === null);
              expect(undated, `${f.rule} on ${day} for undated ${session.treatment}`).toBeDefined();
              expect(undated!.timing).toMatchObject({ kind: 'undated' });
              if (undated!.timing?.kind === 'undated')
                expect(undated!.timing.firesFrom <= day && day <= undated!.timing.firesTo).toBe(true);
            }
          }
        }
        // And with no day left of the stay, the same sessions are next visits that name their first day.
        if (from >= departure) {
          for (const f of findings.filter((u) => u.date === null)) expect(f.timing?.kind).toBe('next-visit');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the treatments a date rule covers', () => {
  it('are all in the catalog', () => {
    for (const rule of DATE_RULES) expect(byId.has(firstTreatment(rule).id), rule.id).toBe(true);
  });
});
