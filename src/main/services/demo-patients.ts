// The demo patients (resources/demo/demo-patients.json): realistic people from ten countries, with trips placed
// around today so the list shows patients who are coming, here and gone home.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { addDays } from '../../shared/domain/intake/calendar-date';
import { patientSchema, type PatientIntake } from '../../shared/domain/intake/patient-schema';
import { resourcePath } from '../resources';

const demoEntrySchema = z.object({
  arrivalOffsetDays: z.int(),
  stayDays: z.int().min(1),
  patient: z.record(z.string(), z.unknown()),
});

export function loadDemoPatients(today: string): PatientIntake[] {
  const entries = z.array(demoEntrySchema).parse(JSON.parse(readFileSync(resourcePath('demo', 'demo-patients.json'), 'utf8')));
  return entries.map((entry) => {
    const arrival = addDays(today, entry.arrivalOffsetDays);
    const trip = { ...(entry.patient.trip as object), arrival, departure: addDays(arrival, entry.stayDays) };
    // A broken demo file is a bug in the app, so it throws rather than returning a result.
    return patientSchema.parse({ ...entry.patient, trip });
  });
}
