// The desk's day (contract/today.ts): the pieces gathered from the services that own them, so Today shows a
// session, a finding or a due follow-up exactly as the week and the follow-ups screens do, and judged by
// domain/today/today-view.ts.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import { hasClinicPrice } from '../../shared/domain/plan/quote-view';
import { buildTodayView } from '../../shared/domain/today/today-view';
import { createFollowUpsService } from './followups-service';
import { clinicSettingsOf, createPlanService } from './plan-service';
import type { ServiceContext } from './service-context';

/** Enough for a day at the busiest desk; past it, the follow-ups screen lists the rest. */
const DUE_FOLLOW_UPS_SHOWN = 200;

export function createTodayService(context: ServiceContext) {
  const plans = createPlanService(context);
  const followUps = createFollowUpsService(context);
  return {
    async getToday() {
      const now = context.now();
      const today = todayIn(CLINIC_TIME_ZONE, now);
      const tomorrow = addDays(today, 1);
      const [sessions, due, { travellers, settings }] = await Promise.all([
        plans.listSessions({ from: today, to: today }),
        followUps.listDueFollowUps({ at: now.toISOString(), limit: DUE_FOLLOW_UPS_SHOWN }),
        context.store.read(async (tx) => ({
          travellers: await tx.trips.travellingBetween(today, tomorrow),
          settings: await clinicSettingsOf(tx),
        })),
      ]);
      if (!sessions.ok) return sessions;
      if (!due.ok) return due;
      return ok(
        buildTodayView({
          today,
          tomorrow,
          travellers,
          sessions: sessions.value.map((session) => ({ ...session, doctor: session.record?.doctor ?? null })),
          hasPrice: (treatment) => hasClinicPrice(settings, treatment),
          followUps: due.value.followUps,
        }),
      );
    },
  } satisfies Pick<Handlers, 'getToday'>;
}
