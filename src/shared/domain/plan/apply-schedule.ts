// A schedule laid back onto the plan it was made from: every session keeps its id and what became of it (room,
// status, record) wherever the scheduler put it, since acknowledgements and records refer to the id; the ones
// left for a next visit stay, undated and marked so, so the quote and consent still cover them and the rules check
// them against the days after the flight home; cancelled ones stay as they were (the scheduler never places them).
import type { Schedule } from '../schedule/schedule-plan';
import { planParts } from './plan-parts';
import type { Plan } from './plan-schema';

type PlanItem = Plan['items'][number];

export function applySchedule(
  items: readonly PlanItem[],
  schedule: Pick<Schedule, 'sessions' | 'nextVisitIds'>,
  newId: () => string,
): PlanItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const placed = schedule.sessions.map(({ id, treatment, date, time }): PlanItem => {
    const before = id === undefined ? undefined : byId.get(id);
    const { nextVisit: _nextVisit, ...kept } = before ?? { id: newId(), treatment };
    return { ...kept, treatment, date, time };
  });
  const deferred = schedule.nextVisitIds.flatMap((id): PlanItem[] => {
    const before = byId.get(id);
    if (!before) return [];
    const { time: _time, room: _room, ...kept } = before;
    return [{ ...kept, date: null, nextVisit: true }];
  });
  return [...placed, ...deferred, ...planParts(items).cancelled];
}
