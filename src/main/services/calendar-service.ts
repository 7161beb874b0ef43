// One patient's sessions and follow-ups as an .ics calendar, to send to the patient or add to the coordinator's
// own calendar. The events come from the pure patientCalendar(); the `ics` library writes RFC 5545 text, with
// every time in UTC so no reader has to guess a zone.
import { createEvents, type EventAttributes } from 'ics';
import type { Handlers } from '../../shared/contract';
import { fail, ok } from '../../shared/contract';
import { patientCalendar, type CalendarEvent } from '../../shared/domain/calendar/patient-calendar';
import { plannedSessions } from '../../shared/domain/plan/plan-parts';
import { planSchema } from '../../shared/domain/plan/plan-schema';
import { clinicalContent } from '../content/clinical-content';
import { patientFileStem } from './patients-service';
import { clinicSettingsOf } from './plan-service';
import type { ServiceContext } from './service-context';

function toIcsEvent(event: CalendarEvent, calName: string): EventAttributes {
  return {
    uid: event.uid,
    title: event.title,
    start: Date.parse(event.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: event.minutes },
    ...(event.location === undefined ? {} : { location: event.location }),
    categories: [event.kind === 'session' ? 'ClinicDesk session' : 'ClinicDesk follow-up'],
    productId: 'clinicdesk/calendar',
    calName,
  };
}

export function createCalendarService(context: ServiceContext) {
  const handlers = {
    async exportPatientCalendar({ patientId }) {
      // The events are made from what is read in the transaction that logs the export (pure and quick, like the
      // parse that may refuse a plan: no entry then); the .ics text is written after it.
      const found = await context.store.transaction(async (tx) => {
        const record = await tx.patients.get(patientId);
        const seq = await tx.patients.seqOf(patientId);
        if (!record || seq === undefined) return null;
        const stored = await tx.plans.get(seq);
        // A cancelled session is not in the patient's calendar (plan-parts.ts).
        const items = stored ? plannedSessions(planSchema.parse(stored.plan).items) : [];
        const catalog = new Map(clinicalContent().catalog.map((treatment) => [treatment.id, treatment]));
        const events = patientCalendar({
          patientId,
          names: record.patient.names,
          clinicName: (await clinicSettingsOf(tx)).clinicName,
          sessions: items.map((item) => ({
            id: item.id,
            date: item.date,
            time: item.time,
            treatmentName: catalog.get(item.treatment)?.names.en ?? item.treatment,
            minutes: catalog.get(item.treatment)?.sessionMinutes.value.max ?? 60,
          })),
          followUps: (await tx.followUps.ofPatient(seq)).map((row) => ({ id: row.id, step: row.step, dueAt: row.due_at })),
        });
        await tx.audit.record('calendar.export', patientId, ['calendar']);
        return { record, events };
      });
      if (!found) return fail('not_found', `No patient with id ${patientId}.`);
      const { record, events } = found;
      const calName = `ClinicDesk — ${record.patient.names.latin}`;
      const fileName = `${patientFileStem(record.patient, patientId)}.ics`;
      // With no dated session and no follow-up yet this is still a valid, empty calendar.
      const written = createEvents(
        events.map((event) => toIcsEvent(event, calName)),
        { productId: 'clinicdesk/calendar', calName },
      );
      if (written.error || written.value === null) return fail('internal', `Could not write the calendar: ${String(written.error)}`);
      return ok({ fileName, ics: written.value });
    },
  } satisfies Pick<Handlers, 'exportPatientCalendar'>;
  return handlers;
}
