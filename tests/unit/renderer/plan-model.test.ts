import { describe, expect, it } from 'vitest';
import { fromPlan, planKey, toPlan, withNextVisit } from '../../../src/renderer/src/screens/plan/plan-model';
import { planSchema, type Plan, type PlanInput } from '../../../src/shared/domain/plan/plan-schema';

const plan = (items: PlanInput['items']): Plan => planSchema.parse({ items, acknowledgements: [], discounts: {}, rate: null });

describe('the plan screen model and sessions at a next visit', () => {
  it('keeps a next-visit session through the screen and back, so the rules still check it after the flight', () => {
    const stored = plan([
      { treatment: 'laser-toning', date: '2027-03-03', time: '10:00' },
      { treatment: 'fractional-co2', date: null, nextVisit: true },
    ]);
    const back = toPlan(fromPlan(stored));
    expect(back).toEqual(stored);
    expect(planSchema.parse(back)).toEqual(stored);
  });

  it('moves a session to a next visit and back, dropping its date and time each way', () => {
    const [row] = fromPlan(plan([{ treatment: 'fractional-co2', date: '2027-03-04', time: '14:00', room: 'Laser 1' }])).rows;
    const moved = withNextVisit(row!, true);
    expect(moved).toMatchObject({ nextVisit: true, date: null, time: null, room: 'Laser 1' });
    const returned = withNextVisit(moved, false);
    expect(returned).not.toHaveProperty('nextVisit');
    expect(returned).toMatchObject({ date: null, time: null });
    expect(planSchema.safeParse(toPlan({ rows: [moved], acknowledgements: [], discounts: {}, rate: null })).success).toBe(true);
  });

  it('tells a plan with a session at a next visit from the same plan with it undated in this trip', () => {
    const thisTrip = plan([{ treatment: 'fractional-co2', date: null }]);
    const nextVisit = plan([{ treatment: 'fractional-co2', date: null, nextVisit: true }]);
    expect(planKey(thisTrip)).not.toBe(planKey(nextVisit));
  });
});
