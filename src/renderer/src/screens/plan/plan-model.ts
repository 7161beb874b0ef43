// The plan as the screen edits it: the sessions carry a local key, so a row keeps its focus, its error and its
// React identity while others are added, removed or re-dated. The plan sent to the services is derived from it.
import type { Catalog, Treatment, TreatmentId } from '../../../../shared/domain/catalog/catalog-schema';
import type { LanguageTag } from '../../../../shared/domain/intake/vocabulary';
import type { Acknowledgement, Plan, PlanItem } from '../../../../shared/domain/plan/plan-schema';

export interface SessionRow {
  readonly key: string;
  readonly treatment: TreatmentId;
  readonly date: string | null;
  readonly time: string | null;
  /** At a next visit, after this trip: then without a date (the rules check it against the days after the flight). */
  readonly nextVisit?: true;
  /** The clinic room (a name from the clinic settings), or absent. */
  readonly room?: string;
  /** Kept as loaded: the week view records what became of a session, the plan screen only carries it along. */
  readonly status?: PlanItem['status'];
  readonly record?: PlanItem['record'];
}

export interface WorkingPlan {
  readonly rows: readonly SessionRow[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly discounts: Plan['discounts'];
  readonly rate: Plan['rate'];
}

export const EMPTY_WORKING_PLAN: WorkingPlan = { rows: [], acknowledgements: [], discounts: {}, rate: null };

export const newRowKey = (): string => crypto.randomUUID();

export function fromPlan(plan: Plan): WorkingPlan {
  return {
    rows: plan.items.map((item) => ({
      // The session's own id is the row's key: a new row's random key becomes the id of the session it adds.
      key: item.id,
      treatment: item.treatment,
      date: item.date ?? null,
      time: item.time ?? null,
      ...(item.nextVisit ? { nextVisit: true as const } : {}),
      ...(item.room ? { room: item.room } : {}),
      ...(item.status ? { status: item.status } : {}),
      ...(item.record ? { record: item.record } : {}),
    })),
    acknowledgements: plan.acknowledgements,
    discounts: plan.discounts,
    rate: plan.rate,
  };
}

export function toPlan(working: WorkingPlan): Plan {
  const discounts: Plan['discounts'] = {};
  for (const [id, percent] of Object.entries(working.discounts) as [TreatmentId, number | undefined][]) {
    if (percent !== undefined && percent > 0 && working.rows.some((row) => row.treatment === id)) discounts[id] = percent;
  }
  return {
    items: working.rows.map((row) => ({
      id: row.key,
      treatment: row.treatment,
      date: row.date,
      ...(row.nextVisit ? { nextVisit: true as const } : {}),
      ...(row.time ? { time: row.time } : {}),
      ...(row.room ? { room: row.room } : {}),
      ...(row.status ? { status: row.status } : {}),
      ...(row.record ? { record: row.record } : {}),
    })),
    acknowledgements: [...working.acknowledgements],
    discounts,
    rate: working.rate,
  };
}

/** A session moved to a next visit, or back to this trip: either way it loses its date and time, which belonged to
 * where it was (the rules then check it against the days it can take there). */
export function withNextVisit(row: SessionRow, nextVisit: boolean): SessionRow {
  const { nextVisit: _was, ...rest } = row;
  return { ...rest, date: null, time: null, ...(nextVisit ? { nextVisit: true as const } : {}) };
}

/** An acknowledgement names one session: by its id, it lapses once that session is gone (a move keeps it); one
 * made before sessions had ids names it by treatment and date, and lapses once it moves. */
export function pruneAcknowledgements(working: WorkingPlan): WorkingPlan {
  const kept = working.acknowledgements.filter((ack) =>
    working.rows.some((row) =>
      ack.session !== undefined ? row.key === ack.session : row.treatment === ack.treatment && row.date === ack.date,
    ),
  );
  return kept.length === working.acknowledgements.length ? working : { ...working, acknowledgements: kept };
}

/** A stable text of a plan, to tell whether two plans are the same (unsaved changes, stale evaluations). */
export function planKey(plan: Plan): string {
  const discounts = Object.entries(plan.discounts).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([
    plan.items.map((item) => [
      item.id,
      item.treatment,
      item.date ?? null,
      item.nextVisit ?? false,
      item.time ?? null,
      item.room ?? null,
      item.status ?? 'scheduled',
      item.record ?? null,
    ]),
    plan.acknowledgements,
    discounts,
    plan.rate,
  ]);
}

export type SummaryLanguage = 'ko' | 'en';

/** The consent summary's patient column: the first language if it is Korean or English, English otherwise. */
export function consentLanguageOf(languages: readonly LanguageTag[]): SummaryLanguage {
  return languages[0] === 'ko' ? 'ko' : 'en';
}

export function uiLanguageOf(language: string): SummaryLanguage {
  return language === 'ko' ? 'ko' : 'en';
}

export function catalogIndex(catalog: Catalog): ReadonlyMap<TreatmentId, Treatment> {
  return new Map(catalog.map((treatment) => [treatment.id, treatment]));
}

/** A doctor's name as typed may already start with a title; the UI adds its own. */
export function doctorName(name: string): string {
  return name.replace(/^\s*(dr\.?|doctor)\s+/i, '').trim() || name.trim();
}

/** Formats an amount in a currency for a reader of `locale`: from an integer (KRW) or an exact decimal string. */
export function formatCurrency(amount: number | string, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency }) as Intl.NumberFormat & {
    format(value: number | string): string;
  };
  return format.format(amount);
}

/** "2026-03-04" as "Wed, Mar 4" / "3월 4일 (수)": a calendar date, so formatted in UTC to keep its day. */
export function formatDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
