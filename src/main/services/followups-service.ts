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
    async listPatientFollowUps({ patientId }) {
      const rows = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        return seq === undefined ? null : tx.followUps.ofPatient(seq);
      });
      if (!rows) return fail('not_found', `No patient with id ${patientId}.`);
      return ok(rows.map(toPatientFollowUp));
    },

    async recordFollowUpOutcome({ id, outcome, note }) {
      return context.store.transaction(async (tx) => {
        const row = await tx.followUps.byId(id);
        if (!row) return fail('not_found', `No follow-up with id ${id}.`);
        const patientId = await tx.patients.idOf(row.patient_seq);
        const restricted = await refuseIfRestricted(tx, patientId ?? '', ['id']);
        if (restricted) return restricted;
        const at = context.now().toISOString();
        await tx.followUps.record(id, outcome, note.trim(), at, CLOSING_OUTCOMES.includes(outcome));
        await tx.audit.record('followup.record', patientId ?? null, [`followups.${row.step}`]);
        return ok(toPatientFollowUp((await tx.followUps.byId(id))!));
      });
    },

    async listDueFollowUps({ at, limit }) {
      const now = at ? new Date(at) : context.now();
      const steps = new Map(clinicalContent().followUps.steps.map((step) => [step.id, step]));
      const rows = await context.store.read((tx) => tx.followUps.due(now.toISOString(), limit + 1));
      // Follow-ups fall due at 10:00 on a few home clocks, so a list of hundreds shares far fewer instants: each
      // is turned into Korea time once (that conversion, not the query, was most of this list's time).
      const koreaTimes = new Map<string, string>();
      const koreaTime = (dueAt: string) => {
        let korea = koreaTimes.get(dueAt);
        if (korea === undefined) koreaTimes.set(dueAt, (korea = wallClock(dueAt)));
        return korea;
      };
      const followUps = rows.slice(0, limit).map((row) => ({
        ...row,
        dueKorea: koreaTime(row.dueAt),
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
