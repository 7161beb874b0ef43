// The clinic's own settings: its name, opening days and hours, VAT, and its price per treatment. The seeds'
// KRW ranges are only the defaults and the guide shown beside each price.
import { z } from 'zod';
import { TREATMENT_IDS, type Catalog } from '../catalog/catalog-schema';
import { calendarDateSchema } from '../intake/patient-schema';
import { DEFAULT_CLINIC_HOURS, type ClinicHours } from '../schedule/clinic-hours';
import { roomKey } from '../schedule/session-conflicts';
import { IDLE_LOCK_MINUTES } from '../coordinators/coordinator-pin';
import { CLINIC_KINDS } from '../payments/commission-caps';

/** Backups kept in the folder when the clinic has not said (the newest ones; older ones are deleted). */
export const DEFAULT_BACKUP_KEEP = 30;

/** Automatic backups (daily, and before every migration): where, and how many to keep. An empty folder means
 * `clinicdesk-backups` beside the database (README, "Automatic backups"). */
export const backupSettingsSchema = z
  .strictObject({
    folder: z
      .string('invalid_type')
      .trim()
      .max(1000, 'too_long')
      .refine((path) => path === '' || /^(\/|[A-Za-z]:[\\/])/.test(path), 'absolute_path_required')
      .default(''),
    keep: z.int('invalid_type').min(1, 'invalid').max(1000, 'invalid').default(DEFAULT_BACKUP_KEEP),
  })
  .default({ folder: '', keep: DEFAULT_BACKUP_KEEP });

export type BackupSettings = z.output<typeof backupSettingsSchema>;
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
    /** The rooms sessions take (treatment rooms, laser rooms), by name; two sessions in one room at once conflict. */
    rooms: z
      .array(z.strictObject({ name: z.string().trim().min(1, 'required').max(60, 'too_long') }))
      .max(50, 'too_many')
      .default([])
      .superRefine((rooms, context) => {
        const seen = new Set<string>();
        rooms.forEach((room, index) => {
          const key = roomKey(room.name);
          if (seen.has(key)) context.addIssue({ code: 'custom', path: [index, 'name'], message: 'duplicate' });
          seen.add(key);
        });
      }),
    /** How patients reach the clinic, printed on every handout's contact lines and the follow-up card. */
    contact: z
      .strictObject({
        phone: z.string().trim().max(40, 'too_long').default(''),
        messenger: z.string().trim().max(120, 'too_long').default(''),
        email: z.string().trim().max(254, 'too_long').default(''),
        address: z.string().trim().max(300, 'too_long').default(''),
      })
      .default({ phone: '', messenger: '', email: '', address: '' }),
    /** The clinic's logo for the handouts' header: a PNG or JPEG as a data URL, at most about 256 KB. */
    logo: z
      .string()
      .max(350_000, 'file_too_large')
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'unreadable_image')
      .nullable()
      .default(null),
    /** Minutes without input before the screen locks (a coordinator profile's PIN unlocks it). */
    idleLockMinutes: z
      .int('invalid_type')
      .min(IDLE_LOCK_MINUTES.min, 'invalid')
      .max(IDLE_LOCK_MINUTES.max, 'invalid')
      .default(IDLE_LOCK_MINUTES.default),
    backup: backupSettingsSchema,
    /** Years a restricted record (deletion request) is kept after its last treatment before it is destroyed:
     * 10 for treatment records under the Medical Service Act (see src/shared/domain/rights). */
    retentionYears: z
      .int('invalid_type')
      .min(MIN_RETENTION_YEARS, 'invalid')
      .max(MAX_RETENTION_YEARS, 'invalid')
      .default(DEFAULT_RETENTION_YEARS),
    /** The kind of medical institution, which sets the legal cap on agency commissions (payments/commission-caps.ts);
     * a clinic (의원) when not set, as most dermatology clinics are. */
    clinicKind: z.enum(CLINIC_KINDS, 'invalid_choice').optional(),
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
    rooms: [],
    contact: { phone: '', messenger: '', email: '', address: '' },
    logo: null,
    idleLockMinutes: IDLE_LOCK_MINUTES.default,
    backup: { folder: '', keep: DEFAULT_BACKUP_KEEP },
    retentionYears: DEFAULT_RETENTION_YEARS,
  };
}
