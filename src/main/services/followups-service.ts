// Follow-ups after the flight home: which are due or overdue at an instant, across all patients, each shown at
// its patient's 10:00 and on the coordinator's Korean clock.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import { followUpState, wallClock } from '../../shared/domain/followups/due-time';
import { clinicalContent } from '../content/clinical-content';
import type { ServiceContext } from './service-context';

export function createFollowUpsService(context: ServiceContext) {
  const handlers = {
    listDueFollowUps({ at, limit }) {
      const now = at ? new Date(at) : context.now();
      const steps = new Map(clinicalContent().followUps.steps.map((step) => [step.id, step]));
      const rows = context.followUps.due(now.toISOString(), limit + 1);
      const followUps = rows.slice(0, limit).map((row) => ({
        ...row,
        dueKorea: wallClock(row.dueAt),
        state: followUpState(row.dueAt, now, false) as 'due' | 'overdue',
        ask: steps.get(row.step)?.ask ?? { ko: '', en: '' },
        photos: steps.get(row.step)?.photos ?? [],
      }));
      return ok({ at: now.toISOString(), followUps, truncated: rows.length > limit });
    },
  } satisfies Pick<Handlers, 'listDueFollowUps'>;
  return handlers;
}
