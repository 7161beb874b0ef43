// A saved plan's sessions as the rows the reports count (table plan_sessions). Pure: the plans repository calls
// it on every save with the rows the plan had before, so that a session whose date changed is remembered as
// moved (the plan format has no "moved" status; moving a session is changing its date).
import type { SessionStatus } from '../plan/plan-schema';

export interface SessionRow {
  readonly position: number;
  readonly treatment: string;
  readonly date: string | null;
  readonly status: SessionStatus;
  readonly moved: 0 | 1;
  /** The plan's discount on this treatment's line, percent. */
  readonly discountPercent: number;
  /** How many sessions of this treatment the plan holds: the quote prices the line as a whole. */
  readonly lineSessions: number;
}

/** The fields of a plan item the reports read; the plan passed the contract's schema before it got here. */
interface ItemLike {
  readonly treatment: string;
  readonly date?: string | null;
  readonly status?: SessionStatus;
}

export function sessionRowsOf(plan: unknown, previous: readonly Pick<SessionRow, 'treatment' | 'date' | 'moved'>[]): SessionRow[] {
  const { items = [], discounts = {} } = plan as { items?: readonly ItemLike[]; discounts?: Record<string, number> };
  const lineSessions = new Map<string, number>();
  for (const item of items) lineSessions.set(item.treatment, (lineSessions.get(item.treatment) ?? 0) + 1);

  // Each earlier dated session is matched at most once: first by the same treatment on the same date (it kept its
  // date, and its moved mark), then any left over of the same treatment pairs with a newly dated one (a move).
  const unmatched = previous.filter((row) => row.date !== null).map((row) => ({ ...row, used: false }));
  const take = (test: (row: (typeof unmatched)[number]) => boolean) => {
    const found = unmatched.find((row) => !row.used && test(row));
    if (found) found.used = true;
    return found;
  };
  const kept = items.map((item) => (item.date ? take((row) => row.treatment === item.treatment && row.date === item.date) : undefined));
  return items.map((item, position) => {
    const date = item.date ?? null;
    let moved: 0 | 1 = kept[position]?.moved ?? 0;
    if (date !== null && !kept[position] && take((row) => row.treatment === item.treatment)) moved = 1;
    return {
      position,
      treatment: item.treatment,
      date,
      status: item.status ?? 'scheduled',
      moved,
      discountPercent: discounts[item.treatment] ?? 0,
      lineSessions: lineSessions.get(item.treatment) ?? 1,
    };
  });
}
