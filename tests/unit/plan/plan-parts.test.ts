// One definition of the plan's parts: a plan with a session this trip, one at a next visit and a cancelled one
// (close enough to the first to break its interval, were it counted) gives the same counts in the quote, the
// consent summary (screen and handout), the plan-and-quote handout, the checks and the week's findings.
import { describe, expect, it } from 'vitest';
import { handoutBlocks } from '../../../src/main/handouts/make-handout';
import type { Block } from '../../../src/main/handouts/layout/handout-blocks';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../../src/shared/domain/intake/calendar-date';
import { evaluatePlan, planFindings } from '../../../src/shared/domain/plan/evaluate-plan';
import { partCounts, planParts } from '../../../src/shared/domain/plan/plan-parts';
import { planSchema, positionalSessionId, type Plan } from '../../../src/shared/domain/plan/plan-schema';
import { missingPrices } from '../../../src/shared/domain/plan/quote-view';
import { sessionRowsOf } from '../../../src/shared/domain/reports/session-rows';
import { handoutInput } from '../../support/handout-input';

const base = handoutInput('en', ['pico-laser']);
const first = base.plan.items[0]!;
const today = todayIn(CLINIC_TIME_ZONE, base.now);
const TRIP = '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a01';
const NEXT = '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a02';
const CANCELLED = '7f1d1a52-34b5-4c1e-9d1a-6a7f0e7d1a03';
const plan: Plan = planSchema.parse({
  items: [
    { id: TRIP, treatment: 'pico-laser', date: first.date, time: '10:00' },
    { id: NEXT, treatment: 'pico-laser', date: null, nextVisit: true },
    // Two days after the first: inside pico's 14-day interval, so only skipping it keeps the plan clean.
    { id: CANCELLED, treatment: 'pico-laser', date: addDays(first.date!, 2), time: '10:00', status: 'cancelled' },
  ],
  rate: base.plan.rate,
});
const input = { ...base, plan };

/** The text of every cell of a handout table, row by row. */
const tables = (blocks: readonly Block[]) =>
  blocks.flatMap((block) =>
    block.type === 'table' ? [block.rows.map((row) => row.map((cell) => cell.map((run) => run.text).join('')))] : [],
  );
const paragraphs = (blocks: readonly Block[]) =>
  blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text.map((run) => run.text).join('')] : []));

describe('the plan parts', () => {
  it('split the plan into one session this trip, one at a next visit and one cancelled', () => {
    const parts = planParts(plan.items);
    expect([parts.thisTrip, parts.nextVisit, parts.cancelled].map((part) => part.map((item) => item.id))).toEqual([
      [TRIP],
      [NEXT],
      [CANCELLED],
    ]);
    expect(partCounts(plan.items, 'pico-laser')).toEqual({ thisTrip: 1, nextVisit: 1, cancelled: 1 });
  });

  it('give the same counts in the quote, the consent summary, the handouts, the checks and the week', () => {
    const evaluation = evaluatePlan(base.patient, plan, base.catalog, base.rules, base.settings, today);
    // Quote: this trip's line bills one session, the next visit's estimate one, the cancelled one nowhere.
    expect(evaluation.quote.lines.map((line) => [line.treatment, line.sessions])).toEqual([['pico-laser', 1]]);
    expect(evaluation.quote.nextVisit?.lines.map((line) => [line.treatment, line.sessions])).toEqual([['pico-laser', 1]]);
    const unit = base.settings.prices['pico-laser']!;
    expect(evaluation.quote.totalKrw).toBe(unit);
    expect(evaluation.quote.nextVisit?.totalKrw).toBe(unit);
    // Consent on screen and on paper: the two sessions that will happen.
    expect(evaluation.consent.en.treatments.map((treatment) => [treatment.id, treatment.sessions])).toEqual([['pico-laser', 2]]);
    const consent = handoutBlocks(input, { kind: 'consent', language: 'en', bilingual: false }).blocks;
    expect(paragraphs(consent)).toContain('Sessions planned: 2');
    // The plan handout: two session rows (the cancelled one is not on the patient's sheet), Qty 1 in each quote.
    const [sessions, thisTrip, nextVisit] = tables(handoutBlocks(input, { kind: 'plan', language: 'en', bilingual: false }).blocks);
    expect(sessions).toHaveLength(2);
    expect(sessions!.map((row) => row[0])).toContain('On a next visit');
    expect(thisTrip![0]!.slice(0, 2)).toEqual(['Pico laser', '1']);
    expect(nextVisit![0]!.slice(0, 2)).toEqual(['Pico laser', '1']);
    // Checks: the cancelled session is not checked, so it breaks no interval and has no finding of its own.
    const findings = planFindings(base.patient, plan, base.catalog, base.rules, base.settings, today);
    expect(findings.filter((finding) => finding.rule === 'schedule-interval')).toEqual([]);
    expect(findings.filter((finding) => finding.session === CANCELLED)).toEqual([]);
    // The week lists each session's findings by its id (plan-service listSessions): the cancelled one has none.
    const uncancelled = { ...plan, items: plan.items.map((item) => ({ ...item, status: 'scheduled' as const })) };
    expect(
      planFindings(base.patient, uncancelled, base.catalog, base.rules, base.settings, today).some(
        (f) => f.rule === 'schedule-interval' && f.session === CANCELLED,
      ),
    ).toBe(true);
    // Reports: each part's line prices its own sessions.
    expect(sessionRowsOf(plan, []).map((row) => row.lineSessions)).toEqual([1, 1, 1]);
  });
});

describe('a quote never drops a line', () => {
  it('keeps a treatment without a clinic price as "price to be confirmed", out of the total, named', () => {
    const withUnpriced = planSchema.parse({ items: [...plan.items, { treatment: 'led-therapy', date: first.date, time: '11:00' }] });
    expect(base.settings.prices['led-therapy']).toBeUndefined();
    const { quote } = evaluatePlan(base.patient, withUnpriced, base.catalog, base.rules, base.settings, today);
    expect(quote.lines.map((line) => [line.treatment, line.sessions, line.unitKrw, line.netKrw])).toEqual([
      ['pico-laser', 1, base.settings.prices['pico-laser'], base.settings.prices['pico-laser']],
      ['led-therapy', 1, null, null],
    ]);
    expect(quote.unpriced).toEqual(['led-therapy']);
    expect(quote.totalKrw).toBe(base.settings.prices['pico-laser']);
    expect(missingPrices(quote)).toEqual(['led-therapy']);
    const blocks = handoutBlocks({ ...input, plan: withUnpriced }, { kind: 'plan', language: 'en', bilingual: false, draft: true }).blocks;
    expect(tables(blocks)[1]!.map((row) => row.slice(0, 3))).toContainEqual(['LED light therapy', '1', 'Price to be confirmed']);
    expect(paragraphs(blocks)).toContain('This total does not include: LED light therapy (price to be confirmed).');
  });

  it('quotes an unpriced treatment at a next visit too, and a final quote waits for its price', () => {
    const later = planSchema.parse({
      items: [
        { treatment: 'pico-laser', date: first.date },
        { treatment: 'led-therapy', date: null, nextVisit: true },
      ],
    });
    const { quote } = evaluatePlan(base.patient, later, base.catalog, base.rules, base.settings, today);
    expect(quote.unpriced).toEqual([]);
    expect(quote.nextVisit?.lines.map((line) => [line.treatment, line.unitKrw])).toEqual([['led-therapy', null]]);
    expect(missingPrices(quote)).toEqual(['led-therapy']);
  });
});

describe('session ids', () => {
  const stored = {
    items: [
      { treatment: 'pico-laser', date: first.date },
      { treatment: 'ipl', date: null },
    ],
    acknowledgements: [],
  };

  it('are given to a plan saved before sessions had ids, the same on every parse', () => {
    const once = planSchema.parse(stored);
    expect(once.items.map((item) => item.id)).toEqual([positionalSessionId(0), positionalSessionId(1)]);
    expect(planSchema.parse(stored)).toEqual(once);
    // Parsing what was parsed (what saving stores) keeps them.
    expect(planSchema.parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('never give a new session an id another session holds, and refuse a duplicate', () => {
    const reordered = planSchema.parse({
      items: [
        { id: positionalSessionId(1), treatment: 'ipl', date: null },
        { treatment: 'pico-laser', date: null },
      ],
    });
    expect(new Set(reordered.items.map((item) => item.id)).size).toBe(2);
    const twice = planSchema.safeParse({
      items: [
        { id: TRIP, treatment: 'ipl', date: null },
        { id: TRIP, treatment: 'ipl', date: null },
      ],
    });
    expect(twice.success ? [] : twice.error.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['items', 1, 'id'], 'duplicate'],
    ]);
  });

  it('keep an acknowledgement on its session when the session moves to another day', () => {
    const evaluation = (items: Plan['items'], acknowledgements: Plan['acknowledgements'] = []) =>
      planFindings(base.patient, { ...plan, items, acknowledgements }, base.catalog, base.rules, base.settings, today);
    // Sunday is closed at the default clinic: a caution on the session, acknowledged by a doctor.
    const sunday = [0, 1, 2, 3, 4, 5, 6]
      .map((days) => addDays(first.date!, days))
      .find((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0)!;
    const items: Plan['items'] = [{ id: TRIP, treatment: 'pico-laser', date: sunday, time: '10:00' }];
    const closed = evaluation(items).find((finding) => finding.rule === 'schedule-clinic-closed')!;
    expect(closed.session).toBe(TRIP);
    const ack = {
      rule: closed.rule,
      session: TRIP,
      treatment: closed.treatment,
      date: closed.date,
      doctor: 'Dr. Kim',
      at: '2026-11-20T01:00:00.000Z',
    };
    const nextSunday = addDays(sunday, 7);
    const moved = evaluation([{ ...items[0]!, date: nextSunday }], [ack]).find((finding) => finding.rule === 'schedule-clinic-closed')!;
    expect(moved.date).toBe(nextSunday);
    expect(moved.acknowledgedBy).toBe('Dr. Kim');
    // An acknowledgement made before sessions had ids still matches by treatment and date, and only there.
    const { session: _session, ...legacy } = ack;
    expect(evaluation(items, [legacy]).find((finding) => finding.rule === 'schedule-clinic-closed')!.acknowledgedBy).toBe('Dr. Kim');
    expect(
      evaluation([{ ...items[0]!, date: nextSunday }], [legacy]).find((finding) => finding.rule === 'schedule-clinic-closed')!
        .acknowledgedBy,
    ).toBeNull();
  });
});
