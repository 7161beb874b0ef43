// The clinic's own settings: its name, opening days and hours, VAT, and its price per treatment. The seeds'
// KRW ranges are only the defaults and the guide shown beside each price.
import { z } from 'zod';
import { TREATMENT_IDS, type Catalog } from '../catalog/catalog-schema';
import { calendarDateSchema } from '../intake/patient-schema';
import { DEFAULT_CLINIC_HOURS, type ClinicHours } from '../schedule/clinic-hours';
import { DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../rights/patient-rights';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid');

export const clinicSettingsSchema = z
  .strictObject({
    clinicName: z.string().trim().min(1, 'required').max(120, 'too_long'),
    hours: z.strictObject({
      openWeekdays: z.array(z.int().min(1).max(7)).min(1, 'required').max(7),
      opensAt: time,
      closesAt: time,
      closedDates: z.array(calendarDateSchema).max(100, 'too_many'),
    }),
    vat: z.strictObject({ percent: z.int('invalid_type').min(0, 'invalid').max(30, 'invalid'), pricesIncludeVat: z.boolean() }),
    /** KRW per session, integers. A treatment without a price is quoted as "price to be set". */
    prices: z.partialRecord(z.enum(TREATMENT_IDS), z.int('invalid_type').min(0, 'invalid').max(100_000_000, 'invalid')),
    /** Package prices: `sessions` sessions of one treatment for `priceKrw` (a course of 3 Rejuran, say). */
    packages: z
      .array(
        z.strictObject({
          treatment: z.enum(TREATMENT_IDS, 'invalid_choice'),
          sessions: z.int('invalid_type').min(2, 'invalid').max(20, 'invalid'),
          priceKrw: z.int('invalid_type').min(0, 'invalid').max(1_000_000_000, 'invalid'),
        }),
      )
      .max(100, 'too_many')
      .default([]),
    /** How patients reach the clinic, printed on every handout's contact lines and the follow-up card. */
    contact: z
      .strictObject({
        phone: z.string().trim().max(40, 'too_long').default(''),
        messenger: z.string().trim().max(120, 'too_long').default(''),
        email: z.string().trim().max(254, 'too_long').default(''),
        address: z.string().trim().max(300, 'too_long').default(''),
      })
      .default({ phone: '', messenger: '', email: '', address: '' }),
    /** Years a restricted record (deletion request) is kept after its last treatment before it is destroyed:
     * 10 for treatment records under the Medical Service Act (see src/shared/domain/rights). */
    retentionYears: z
      .int('invalid_type')
      .min(MIN_RETENTION_YEARS, 'invalid')
      .max(MAX_RETENTION_YEARS, 'invalid')
      .default(DEFAULT_RETENTION_YEARS),
  })
  .refine((settings) => settings.hours.opensAt < settings.hours.closesAt, { message: 'invalid', path: ['hours', 'closesAt'] });

export type ClinicSettings = z.output<typeof clinicSettingsSchema>;

/** A new clinic's settings: Korean VAT included in prices, Monday to Saturday 10:00-19:00, the seeds' lowest prices. */
export function defaultClinicSettings(catalog: Catalog): ClinicSettings {
  const prices: ClinicSettings['prices'] = {};
  for (const treatment of catalog) if (treatment.priceKrw.value) prices[treatment.id] = treatment.priceKrw.value.min;
  const hours: ClinicHours = DEFAULT_CLINIC_HOURS;
  return {
    clinicName: 'ClinicDesk Clinic',
    hours: { ...hours, openWeekdays: [...hours.openWeekdays], closedDates: [] },
    vat: { percent: 10, pricesIncludeVat: true },
    prices,
    packages: [],
    contact: { phone: '', messenger: '', email: '', address: '' },
    retentionYears: DEFAULT_RETENTION_YEARS,
  };
}
