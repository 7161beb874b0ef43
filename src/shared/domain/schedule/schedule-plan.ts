// Placing a plan's sessions inside the stay. Hand-written because no scheduling library knows these
// constraints: never in the past (from today or arrival, whichever is later), not on or after the departure day,
// the minimum interval of each course, the clinic's open days and hours, only the treatments the catalog says may
// share a day together, and every session's downtime over before the flight. What does not fit is moved to a next
// visit, and a finding says so; for a patient who has already gone home nothing is placed, and a finding says so.
import type { Catalog, Treatment, TreatmentId } from '../catalog/catalog-schema';
import { addDays, daysBetween } from '../intake/calendar-date';
import { plannedSessions } from '../plan/plan-parts';
import type { SessionStatus } from '../plan/plan-schema';
import type { Finding } from '../rules/check-plan';
import { isOpen, minutesOf, timeOf, type ClinicHours } from './clinic-hours';

export interface ScheduleRequest {
  readonly arrival: string;
  readonly departure: string;
  /** Today in Korea: nothing is placed before it. */
  readonly today: string;
  /** One entry per session; a date fixes the session, null lets the scheduler place it, unless it is already
   * at a next visit. */
  readonly items: readonly ScheduleCheckedSession[];
}

export interface ScheduledSession {
  /** The id of the request's session it places, when that session has one. */
  readonly id?: string | undefined;
  readonly treatment: TreatmentId;
  readonly date: string;
  /** Start time, Korea time. */
  readonly time: string;
  readonly minutes: number;
}

export interface Schedule {
  readonly sessions: readonly ScheduledSession[];
  /** Sessions of a course that do not fit this stay: for the next visit. */
  readonly nextVisit: readonly { readonly treatment: TreatmentId; readonly sessions: number }[];
  /** The ids of the request's sessions left for the next visit (those that have one). */
  readonly nextVisitIds: readonly string[];
  readonly findings: readonly Finding[];
}

/** Two treatments may share a day only when the catalog lists the pair (either side): a laser then a skin booster
 * is common (the seeds), a resurfacing laser, a toning laser, a booster and a peel on one day is not. */
export function mayShareDay(a: Treatment, b: Treatment): boolean {
  if (a.id === b.id) return false;
  return a.sameDay.value.includes(b.id) || b.sameDay.value.includes(a.id);
}

/** Two treatments that wound or resurface the skin: never on one day, whatever the catalog lists. */
const bothResurfacing = (a: Treatment, b: Treatment) => a.tags.includes('resurfacing') && b.tags.includes('resurfacing');

const SCHEDULE_SOURCE = '002_d65572b616b5df97.txt';

function finding(
  rule: string,
  severity: Finding['severity'],
  treatment: TreatmentId,
  date: string | null,
  en: string,
  ko: string,
): Finding {
  return { rule, severity, treatment, date, message: { en, ko }, source: SCHEDULE_SOURCE };
}

/** The last day a session of this treatment may take place so its downtime is over before the flight. */
export function lastDayFor(treatment: Treatment, departure: string): string {
  return addDays(departure, -Math.max(1, Math.ceil(treatment.downtimeDays.value.max)));
}

interface Day {
  readonly sessions: ScheduledSession[];
  freeFrom: number;
}

export function schedulePlan(request: ScheduleRequest, catalog: Catalog, hours: ClinicHours): Schedule {
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const days = new Map<string, Day>();
  const dayOf = (date: string): Day => {
    let day = days.get(date);
    if (!day) days.set(date, (day = { sessions: [], freeFrom: minutesOf(hours.opensAt) }));
    return day;
  };
  const sessions: ScheduledSession[] = [];
  const book = (treatment: Treatment, date: string, id: string | undefined): ScheduledSession => {
    const day = dayOf(date);
    const minutes = Math.ceil(treatment.sessionMinutes.value.max);
    const session = { ...(id === undefined ? {} : { id }), treatment: treatment.id, date, time: timeOf(day.freeFrom), minutes };
    day.freeFrom += minutes;
    day.sessions.push(session);
    sessions.push(session);
    return session;
  };
  const fits = (treatment: Treatment, date: string): boolean => {
    if (!isOpen(hours, date)) return false;
    const day = dayOf(date);
    if (day.freeFrom + Math.ceil(treatment.sessionMinutes.value.max) > minutesOf(hours.closesAt)) return false;
    return day.sessions.every((other) => mayShareDay(byId.get(other.treatment)!, treatment));
  };

  // A cancelled session takes no day and is not placed again.
  const items = plannedSessions(request.items);
  // Fixed sessions first, as the coordinator set them; their problems are reported by checkSchedule.
  for (const item of items) {
    const treatment = byId.get(item.treatment);
    if (treatment && item.date !== null) book(treatment, item.date, item.id);
  }

  // Sessions already at a next visit stay there; a trip with no day left places nothing.
  const firstDay = request.today > request.arrival ? request.today : request.arrival;
  const tripOver = firstDay >= request.departure;
  const alreadyNext = items.filter((item) => item.date === null && item.nextVisit === true && byId.has(item.treatment));
  // Then the rest, longest downtime first: they need the early days of the stay.
  const open = items.filter((item) => item.date === null && item.nextVisit !== true && byId.has(item.treatment));
  const nextVisitIds: string[] = [];
  const order = [...new Set(open.map((item) => item.treatment))].sort(
    (a, b) => byId.get(b)!.downtimeDays.value.max - byId.get(a)!.downtimeDays.value.max || a.localeCompare(b),
  );
  const nextVisit: { treatment: TreatmentId; sessions: number }[] = [];
  for (const id of order) {
    const treatment = byId.get(id)!;
    const interval = treatment.course.value.minIntervalDays;
    const waiting = open.filter((item) => item.treatment === id);
    let wanted = waiting.length;
    const lastDay = lastDayFor(treatment, request.departure);
    let earliest = firstDay;
    // A course continues after its fixed sessions, keeping the interval from the last of them.
    for (const fixed of sessions.filter((session) => session.treatment === id)) {
      const after = addDays(fixed.date, Math.max(1, interval));
      if (after > earliest) earliest = after;
    }
    for (let date = earliest; !tripOver && wanted > 0 && date <= lastDay; date = addDays(date, 1)) {
      const clash = sessions.some((other) => other.treatment === id && Math.abs(daysBetween(other.date, date)) < Math.max(1, interval));
      if (clash || !fits(treatment, date)) continue;
      book(treatment, date, waiting[waiting.length - wanted]!.id);
      wanted--;
      date = addDays(date, Math.max(1, interval) - 1);
    }
    if (wanted > 0) nextVisit.push({ treatment: id, sessions: wanted });
    for (const left of waiting.slice(waiting.length - wanted)) if (left.id !== undefined) nextVisitIds.push(left.id);
  }
  const moved = nextVisit.map((entry) => ({ ...entry }));
  for (const item of alreadyNext) {
    if (item.id !== undefined) nextVisitIds.push(item.id);
    const entry = nextVisit.find((other) => other.treatment === item.treatment);
    if (entry) entry.sessions++;
    else nextVisit.push({ treatment: item.treatment, sessions: 1 });
  }

  sessions.sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));
  const findings = [
    ...checkSchedule(request, sessions, catalog, hours),
    ...(tripOver && open.length > 0
      ? [
          finding(
            'schedule-trip-over',
            'info',
            open[0]!.treatment,
            null,
            'The patient has gone home (or leaves today): nothing was scheduled in this trip; the sessions are for a next visit.',
            '환자가 이미 귀국했거나 오늘 출국합니다. 이번 체류에는 일정을 잡지 않았고, 시술은 다음 방문으로 남깁니다.',
          ),
        ]
      : []),
    ...(tripOver ? [] : moved).map(({ treatment, sessions: count }) =>
      finding(
        'schedule-next-visit',
        'info',
        treatment,
        null,
        `${count} session(s) of ${byId.get(treatment)!.names.en} do not fit this stay; plan them for a next visit.`,
        `${byId.get(treatment)!.names.ko} ${count}회는 이번 체류 기간에 맞지 않아 다음 방문으로 계획합니다.`,
      ),
    ),
  ];
  return { sessions, nextVisit, nextVisitIds, findings };
}

/** Problems of dated sessions against the stay, the intervals, the opening days and the shared days. The
 * scheduler itself never books a session whose downtime outlasts the stay. */
export function checkSchedule(
  stay: { readonly arrival: string; readonly departure: string },
  sessions: readonly ScheduleCheckedSession[],
  catalog: Catalog,
  hours: ClinicHours,
): Finding[] {
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const all: Finding[] = [];
  // A cancelled session holds no day: it is not checked, and no other session is too close to it.
  const dated = plannedSessions(sessions).filter((session): session is ScheduleCheckedSession & { date: string } => session.date !== null);
  for (const session of dated) {
    const treatment = byId.get(session.treatment);
    if (!treatment) continue;
    const { date } = session;
    const findings: Finding[] = [];
    if (date < stay.arrival || date >= stay.departure) {
      findings.push(
        finding(
          'schedule-outside-stay',
          'block',
          treatment.id,
          date,
          'This session is outside the stay (before arrival or on or after the departure day).',
          '체류 기간(입국 전 또는 출국일 이후) 밖의 시술입니다.',
        ),
      );
    }
    // A downtime that outlasts the stay is the rule downtime-after-departure (resources/rules), not repeated here.
    if (!isOpen(hours, date)) {
      findings.push(
        finding('schedule-clinic-closed', 'caution', treatment.id, date, 'The clinic is closed on this day.', '병원 휴무일입니다.'),
      );
    }
    const interval = treatment.course.value.minIntervalDays;
    const tooClose = dated.some(
      (other) =>
        other !== session &&
        other.treatment === session.treatment &&
        other.date <= date &&
        daysBetween(other.date, date) < Math.max(1, interval),
    );
    if (tooClose) {
      findings.push(
        finding(
          'schedule-interval',
          'block',
          treatment.id,
          date,
          `Sessions of this treatment need at least ${interval} days between them.`,
          `이 시술은 최소 ${interval}일 간격이 필요합니다.`,
        ),
      );
    }
    const sameDay = dated.filter(
      (other) => other !== session && other.date === date && other.treatment < session.treatment && byId.has(other.treatment),
    );
    const clash = sameDay.find((other) => bothResurfacing(byId.get(other.treatment)!, treatment));
    if (clash) {
      findings.push(
        finding(
          'schedule-same-day',
          'block',
          treatment.id,
          date,
          `Not on the same day as ${byId.get(clash.treatment)!.names.en}: two resurfacing treatments in one day.`,
          `${byId.get(clash.treatment)!.names.ko}와 같은 날 받을 수 없습니다(재생성 시술 두 가지).`,
        ),
      );
    }
    const unlisted = sameDay.find(
      (other) =>
        other.treatment !== session.treatment &&
        !bothResurfacing(byId.get(other.treatment)!, treatment) &&
        !mayShareDay(byId.get(other.treatment)!, treatment),
    );
    if (unlisted) {
      findings.push(
        finding(
          'schedule-same-day-unlisted',
          'caution',
          treatment.id,
          date,
          `On the same day as ${byId.get(unlisted.treatment)!.names.en}: the catalog does not list this combination for one day. Ask the doctor.`,
          `${byId.get(unlisted.treatment)!.names.ko}와 같은 날입니다. 카탈로그에 같은 날 시술 가능한 조합으로 없는 조합이니 의사에게 확인하세요.`,
        ),
      );
    }
    all.push(...findings.map((found) => (session.id === undefined ? found : { ...found, session: session.id })));
  }
  return all;
}

/** A session as the schedule checks read it; its id, when it has one, goes on its findings. */
export interface ScheduleCheckedSession {
  readonly id?: string | undefined;
  readonly treatment: TreatmentId;
  readonly date: string | null;
  readonly status?: SessionStatus | undefined;
  readonly nextVisit?: boolean | undefined;
}
