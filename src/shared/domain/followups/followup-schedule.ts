// The follow-up schedule after the flight home (resources/followups/schedule.json): steps counted from the
// departure day, each for the treatment categories it concerns, with what to ask and which photos to request.
import { z } from 'zod';
import { CATEGORIES, sourceSchema, type Catalog, type TreatmentId } from '../catalog/catalog-schema';
import { PHOTO_ANGLES } from '../intake/vocabulary';
import { dueInstant, dueLocalDate } from './due-time';

export const followUpScheduleSchema = z.strictObject({
  source: sourceSchema,
  note: z.string(),
  steps: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        offset: z.strictObject({ days: z.int().nonnegative().optional(), months: z.int().nonnegative().optional() }),
        categories: z.array(z.enum(CATEGORIES)).min(1),
        ask: z.strictObject({ ko: z.string().min(1), en: z.string().min(1) }),
        photos: z.array(z.enum(PHOTO_ANGLES)),
      }),
    )
    .min(1),
});

export type FollowUpSchedule = z.output<typeof followUpScheduleSchema>;

export interface PlannedFollowUp {
  readonly step: string;
  readonly treatments: readonly TreatmentId[];
  /** The patient's calendar date, and the instant (UTC) it falls due at 10:00 on the patient's clock. */
  readonly localDate: string;
  readonly dueAt: string;
}

/** One follow-up per step that concerns any treatment of the plan, due in the patient's home time zone. */
export function planFollowUps(
  treatments: readonly TreatmentId[],
  departure: string,
  homeTimeZone: string,
  schedule: FollowUpSchedule,
  catalog: Catalog,
): PlannedFollowUp[] {
  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const unique = [...new Set(treatments)].filter((id) => byId.has(id));
  return schedule.steps.flatMap((step) => {
    const concerned = unique.filter((id) => step.categories.includes(byId.get(id)!.category));
    if (concerned.length === 0) return [];
    return [
      {
        step: step.id,
        treatments: concerned,
        localDate: dueLocalDate(departure, step.offset),
        dueAt: dueInstant(departure, step.offset, homeTimeZone),
      },
    ];
  });
}
