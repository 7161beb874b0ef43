// A handout input from one of the ten fixture cases: the case's patient with a plan of treatments scheduled
// inside the stay by the real scheduler, the clinic's default settings plus contacts, and a fixed "now".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clinicalContent } from '../../src/main/content/clinical-content';
import type { HandoutInput } from '../../src/main/handouts/kinds/handout-input';
import type { TreatmentId } from '../../src/shared/domain/catalog/catalog-schema';
import { caseFileSchema } from '../../src/shared/domain/intake/case-file';
import { CLINIC_TIME_ZONE, todayIn } from '../../src/shared/domain/intake/calendar-date';
import type { LanguageTag } from '../../src/shared/domain/intake/vocabulary';
import { planSchema } from '../../src/shared/domain/plan/plan-schema';
import { schedulePlan } from '../../src/shared/domain/schedule/schedule-plan';
import { defaultClinicSettings } from '../../src/shared/domain/settings/clinic-settings';
import { FIXED_NOW } from './temp-services';

export const CASES_FOLDER = join(import.meta.dirname, '..', 'fixtures', 'cases');

export const DEFAULT_HANDOUT_TREATMENTS: readonly TreatmentId[] = ['pico-laser', 'rejuran-healer', 'rejuran-healer', 'led-therapy'];

export function handoutInput(language: LanguageTag, treatments: readonly TreatmentId[] = DEFAULT_HANDOUT_TREATMENTS): HandoutInput {
  const file = caseFileSchema.parse(JSON.parse(readFileSync(join(CASES_FOLDER, `${language}.json`), 'utf8')));
  const { catalog, rules, followUps } = clinicalContent();
  const settings = {
    ...defaultClinicSettings(catalog),
    clinicName: '서울 글로우 피부과',
    contact: {
      phone: '+82 2-1234-5678',
      messenger: 'WhatsApp +82 10-9876-5432',
      email: 'care@glow.example.kr',
      address: '서울 강남구 테헤란로 123',
    },
  };
  const schedule = schedulePlan(
    {
      arrival: file.patient.trip.arrival,
      departure: file.patient.trip.departure,
      today: todayIn(CLINIC_TIME_ZONE, FIXED_NOW),
      items: treatments.map((treatment) => ({ treatment, date: null })),
    },
    catalog,
    settings.hours,
  );
  const plan = planSchema.parse({
    items: schedule.sessions.map((session) => ({ treatment: session.treatment, date: session.date, time: session.time })),
    rate: { krwPerUnit: '4512.30', date: '2026-11-20', source: 'KEB Hana' },
  });
  return { patient: file.patient, plan, settings, catalog, rules, followUps, now: FIXED_NOW };
}
