// A treatment plan as data: one item per session, the doctors' acknowledgements of blocking findings, line
// discounts and the exchange rate the coordinator entered. It is the `plan` section of a clinicdesk.case/1 file.
import { z } from 'zod';
import { TREATMENT_IDS } from '../catalog/catalog-schema';
import { calendarDateSchema, isoDateTimeSchema } from '../intake/patient-schema';
import { PHOTO_ANGLES } from '../intake/vocabulary';

const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');

/** What became of a session. Omitted means `scheduled`; moving a session is changing its date, not a status. */
export const SESSION_STATUSES = ['scheduled', 'done', 'no_show', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The record of a session that was done: who did it, on which device, with which settings (free key → value,
 * e.g. fluence, spot size, passes, depth, product, amount), notes, and photos per angle (front, 45°, 90°) as
 * references (ids) into the patient's photo store. */
export const sessionRecordSchema = z.strictObject({
  doctor: requiredText(120),
  device: z.string().trim().max(120, 'too_long').default(''),
  settings: z
    .record(z.string().trim().min(1, 'required').max(60, 'too_long'), z.string().trim().max(200, 'too_long'))
    .refine((settings) => Object.keys(settings).length <= 20, 'too_many')
    .default({}),
  notes: z.string().max(2000, 'too_long').default(''),
  /** Omitted on records made before photos were attached (and when none is); the service checks each id is one of
   * the patient's photos of that angle. */
  photos: z.partialRecord(z.enum(PHOTO_ANGLES, 'invalid_choice'), z.uuid('invalid')).optional(),
});
export type SessionRecord = z.output<typeof sessionRecordSchema>;

export const planItemSchema = z
  .strictObject({
    treatment: z.enum(TREATMENT_IDS, 'invalid_choice'),
    /** Omitted or null: not scheduled yet (`plan schedule` fills it), or at a next visit. */
    date: calendarDateSchema.nullable().optional().transform((date) => date ?? null),
    /** At a next visit, after this trip (the scheduler found no room, or the coordinator moved it). Omitted: this
     * trip. Only on a session without a date: the rules check it against the days after the flight home. */
    nextVisit: z.literal(true).optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid').optional(),
    /** The clinic room it takes (one of the clinic settings' rooms, by name); omitted: no room set. */
    room: z.string().trim().min(1, 'required').max(60, 'too_long').optional(),
    /** Omitted: scheduled (plans saved before statuses existed have none). */
    status: z.enum(SESSION_STATUSES, 'invalid_choice').optional(),
    /** Only on a done session. */
    record: sessionRecordSchema.optional(),
  })
  .superRefine((item, context) => {
    if (item.record !== undefined && item.status !== 'done') context.addIssue({ code: 'custom', path: ['record'], message: 'invalid' });
    if (item.nextVisit && item.date !== null && item.date !== undefined) context.addIssue({ code: 'custom', path: ['nextVisit'], message: 'invalid' });
  });
export type PlanItem = z.output<typeof planItemSchema>;

export const acknowledgementSchema = z.strictObject({
  rule: requiredText(80),
  treatment: z.enum(TREATMENT_IDS, 'invalid_choice'),
  date: calendarDateSchema.nullable(),
  /** The doctor who read the finding and keeps the session in the plan. */
  doctor: requiredText(120),
  at: isoDateTimeSchema,
});

export const exchangeRateSchema = z.strictObject({
  krwPerUnit: z.string().regex(/^\d{1,12}(\.\d{1,10})?$/, 'invalid').refine((text) => Number(text) > 0, 'invalid'),
  date: calendarDateSchema,
  source: requiredText(120),
});

export const planSchema = z.strictObject({
  items: z.array(planItemSchema).max(60, 'too_many'),
  acknowledgements: z.array(acknowledgementSchema).max(200, 'too_many').default([]),
  /** Package or discount per treatment, percent of its line. */
  discounts: z.partialRecord(z.enum(TREATMENT_IDS), z.number().min(0, 'invalid').max(100, 'invalid')).default({}),
  rate: exchangeRateSchema.nullable().default(null),
});

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Acknowledgement = z.output<typeof acknowledgementSchema>;
