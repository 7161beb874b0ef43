// Follow-ups after the flight home: which are due or overdue at an instant, across all patients, each shown at
// its patient's 10:00 and on the coordinator's Korean clock.
import type { Handlers } from '../../shared/contract';
import { fail, ok } from '../../shared/contract';
import { CLOSING_OUTCOMES, type FollowUpOutcome, type PatientFollowUp } from '../../shared/contract/followups';
import type { TreatmentId } from '../../shared/domain/catalog/catalog-schema';
import type { FollowUpRow } from '../db/repositories/followups-repository';
import { followUpState, wallClock } from '../../shared/domain/followups/due-time';
import { clinicalContent } from '../content/clinical-content';
import { refuseIfRestricted } from './patients-service';
import type { ServiceContext } from './service-context';

export function createFollowUpsService(context: ServiceContext) {
  const toPatientFollowUp = (row: FollowUpRow): PatientFollowUp => ({
    id: row.id,
    step: row.step,
    treatments: JSON.parse(row.treatments_json) as TreatmentId[],
    localDate: row.local_date,
    dueAt: row.due_at,
    dueKorea: wallClock(row.due_at),
    state: followUpState(row.due_at, context.now(), row.done_at !== null),
    outcome: row.outcome === '' ? null : (row.outcome as FollowUpOutcome),
    outcomeAt: row.outcome_at,
    note: row.note,
  });

  const handlers = {
    listPatientFollowUps({ patientId }) {
      const seq = context.patients.seqOf(patientId);
      if (seq === undefined) return fail('not_found', `No patient with id ${patientId}.`);
      return ok(context.followUps.ofPatient(seq).map(toPatientFollowUp));
    },

    recordFollowUpOutcome({ id, outcome, note }) {
      const row = context.followUps.byId(id);
      if (!row) return fail('not_found', `No follow-up with id ${id}.`);
      const restricted = refuseIfRestricted(context, context.patients.idOf(row.patient_seq) ?? '', ['id']);
      if (restricted) return restricted;
      const at = context.now().toISOString();
      context.db.transaction(() => {
        context.followUps.record(id, outcome, note.trim(), at, CLOSING_OUTCOMES.includes(outcome));
        context.audit.record('followup.record', context.patients.idOf(row.patient_seq) ?? null, [`followups.${row.step}`]);
      })();
      return ok(toPatientFollowUp(context.followUps.byId(id)!));
    },

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
        outcome: row.outcome === '' ? null : (row.outcome as FollowUpOutcome),
      }));
      return ok({ at: now.toISOString(), followUps, truncated: rows.length > limit });
    },
  } satisfies Pick<Handlers, 'listDueFollowUps' | 'listPatientFollowUps' | 'recordFollowUpOutcome'>;
  return handlers;
}
