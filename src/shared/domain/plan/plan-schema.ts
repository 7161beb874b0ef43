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
    /** The session's own id, kept through moves, status changes and saves: acknowledgements and records refer to it.
     * Omitted on plans saved before sessions had ids: parsing gives them one (see withSessionIds). */
    id: z.uuid('invalid').optional(),
    treatment: z.enum(TREATMENT_IDS, 'invalid_choice'),
    /** Omitted or null: not scheduled yet (`plan schedule` fills it), or at a next visit. */
    date: calendarDateSchema
      .nullable()
      .optional()
      .transform((date) => date ?? null),
    /** At a next visit, after this trip (the scheduler found no room, or the coordinator moved it). Omitted: this
     * trip. Only on a session without a date: the rules check it against the days after the flight home. */
    nextVisit: z.literal(true).optional(),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid')
      .optional(),
    /** The clinic room it takes (one of the clinic settings' rooms, by name); omitted: no room set. */
    room: z.string().trim().min(1, 'required').max(60, 'too_long').optional(),
    /** Omitted: scheduled (plans saved before statuses existed have none). */
    status: z.enum(SESSION_STATUSES, 'invalid_choice').optional(),
    /** Only on a done session. */
    record: sessionRecordSchema.optional(),
  })
  .superRefine((item, context) => {
    if (item.record !== undefined && item.status !== 'done') context.addIssue({ code: 'custom', path: ['record'], message: 'invalid' });
    if (item.nextVisit && item.date !== null && item.date !== undefined)
      context.addIssue({ code: 'custom', path: ['nextVisit'], message: 'invalid' });
  });
export type PlanItem = z.output<typeof planItemSchema>;

export const acknowledgementSchema = z.strictObject({
  rule: requiredText(80),
  /** The session the doctor read it for; omitted on acknowledgements made before sessions had ids, which match by
   * treatment and date. The treatment and date stay as they were when acknowledged, for the reader. */
  session: z.uuid('invalid').optional(),
  treatment: z.enum(TREATMENT_IDS, 'invalid_choice'),
  date: calendarDateSchema.nullable(),
  /** The doctor who read the finding and keeps the session in the plan. */
  doctor: requiredText(120),
  at: isoDateTimeSchema,
});

export const exchangeRateSchema = z.strictObject({
  krwPerUnit: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,10})?$/, 'invalid')
    .refine((text) => Number(text) > 0, 'invalid'),
  date: calendarDateSchema,
  source: requiredText(120),
});

/** The id a session without one gets from its position: the same stored plan parsed twice gives the same ids, and
 * saving it stores them. Shaped as a version 4, variant 1 uuid so it passes the same check as a random one. */
export const positionalSessionId = (position: number): string => `00000000-0000-4000-8000-${position.toString(16).padStart(12, '0')}`;

/** Every session with an id: the ones it had, and for the rest their position's id (or, when another session
 * already holds that one, the next free one after the plan's largest size), deterministically. */
export function withSessionIds<T extends { readonly id?: string | undefined }>(items: readonly T[]): (T & { readonly id: string })[] {
  const taken = new Set(items.flatMap((item) => (item.id === undefined ? [] : [item.id])));
  let spare = PLAN_MAX_SESSIONS;
  return items.map((item, position) => {
    if (item.id !== undefined) return item as T & { id: string };
    let id = positionalSessionId(position);
    while (taken.has(id)) id = positionalSessionId(spare++);
    taken.add(id);
    return { ...item, id };
  });
}

const PLAN_MAX_SESSIONS = 60;

export const planSchema = z
  .strictObject({
    items: z.array(planItemSchema).max(PLAN_MAX_SESSIONS, 'too_many'),
    acknowledgements: z.array(acknowledgementSchema).max(200, 'too_many').default([]),
    /** Package or discount per treatment, percent of its line. */
    discounts: z.partialRecord(z.enum(TREATMENT_IDS), z.number().min(0, 'invalid').max(100, 'invalid')).default({}),
    rate: exchangeRateSchema.nullable().default(null),
  })
  .superRefine((plan, context) => {
    const seen = new Set<string>();
    plan.items.forEach((item, index) => {
      if (item.id === undefined) return;
      if (seen.has(item.id)) context.addIssue({ code: 'custom', path: ['items', index, 'id'], message: 'duplicate' });
      seen.add(item.id);
    });
  })
  .transform((plan) => ({ ...plan, items: withSessionIds(plan.items) }));

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Acknowledgement = z.output<typeof acknowledgementSchema>;
