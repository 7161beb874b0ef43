// A saved plan's sessions as the rows the reports count (table plan_sessions). Pure: the plans repository calls
// it on every save with the rows the plan had before, so that a session whose date changed is remembered as
// moved (the plan format has no "moved" status; moving a session is changing its date).
import { partOf, type PartedSession } from '../plan/plan-parts';
import type { SessionStatus } from '../plan/plan-schema';

export interface SessionRow {
  readonly position: number;
  /** The session's id in the plan; null on rows written before session ids were kept. */
  readonly sessionId: string | null;
  readonly treatment: string;
  readonly date: string | null;
  readonly status: SessionStatus;
  readonly moved: 0 | 1;
  /** The plan's discount on this treatment's line, percent. */
  readonly discountPercent: number;
  /** How many sessions of this treatment its part of the plan holds (this trip, a next visit): the quote prices
   * each part's line as a whole, and never a cancelled session (plan-parts.ts). */
  readonly lineSessions: number;
}

/** The fields of a plan item the reports read; the plan passed the contract's schema before it got here. */
interface ItemLike {
  readonly id?: string;
  readonly treatment: string;
  readonly date?: string | null;
  readonly status?: SessionStatus;
  readonly nextVisit?: boolean;
}

export function sessionRowsOf(
  plan: unknown,
  previous: readonly Pick<SessionRow, 'sessionId' | 'treatment' | 'date' | 'moved'>[],
): SessionRow[] {
  const { items = [], discounts = {} } = plan as { items?: readonly ItemLike[]; discounts?: Record<string, number> };
  const lineOf = (item: ItemLike) => `${partOf(item as PartedSession)}|${item.treatment}`;
  const lineSessions = new Map<string, number>();
  for (const item of items) lineSessions.set(lineOf(item), (lineSessions.get(lineOf(item)) ?? 0) + 1);

  // Each earlier dated row is matched at most once: by the session's id where both have one; else (rows written
  // before ids) first by the same treatment on the same date (it kept its date, and its moved mark), then any left
  // over of the same treatment pairs with a newly dated one (a move).
  const unmatched = previous.filter((row) => row.date !== null).map((row) => ({ ...row, used: false }));
  const take = (test: (row: (typeof unmatched)[number]) => boolean) => {
    const found = unmatched.find((row) => !row.used && test(row));
    if (found) found.used = true;
    return found;
  };
  // A session with an id is its own earlier row, whatever the dates say (two sessions that swapped days both moved).
  const byId = new Map(previous.flatMap((row) => (row.sessionId === null ? [] : [[row.sessionId, row] as const])));
  const own = items.map((item) => (item.id === undefined ? undefined : byId.get(item.id)));
  const kept = items.map((item, position) =>
    own[position] || !item.date
      ? undefined
      : take((row) => row.sessionId === null && row.treatment === item.treatment && row.date === item.date),
  );
  return items.map((item, position) => {
    const date = item.date ?? null;
    const earlier = own[position];
    let moved: 0 | 1 = earlier?.moved ?? kept[position]?.moved ?? 0;
    if (earlier) {
      if (earlier.date !== null && date !== null && earlier.date !== date) moved = 1;
    } else if (date !== null && !kept[position] && take((row) => row.sessionId === null && row.treatment === item.treatment)) moved = 1;
    return {
      position,
      sessionId: item.id ?? null,
      treatment: item.treatment,
      date,
      status: item.status ?? 'scheduled',
      moved,
      discountPercent: discounts[item.treatment] ?? 0,
      lineSessions: lineSessions.get(lineOf(item)) ?? 1,
    };
  });
}
