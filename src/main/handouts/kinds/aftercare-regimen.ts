// Day-by-day aftercare as data (resources/catalog/aftercare-regimens.json, the clinic's usual practice for the
// doctors to confirm): per treatment a care profile, per profile and recovery phase one level for each topic (what
// goes on the skin, sun, make-up, heat, swimming, alcohol, flying). Levels are ordered mildest to strictest, so
// treatments done on the same day merge into one regimen by taking the strictest level of each topic: one
// instruction per topic, never two that contradict.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TREATMENT_IDS, type TreatmentId } from '../../../shared/domain/catalog/catalog-schema';
import { CLINICAL_PRACTICE } from '../../../shared/domain/citations/source';
import { resourcePath } from '../../resources';

export const CARE_TOPICS = ['skin', 'sun', 'makeup', 'heat', 'swimming', 'alcohol', 'flying'] as const;
export type CareTopic = (typeof CARE_TOPICS)[number];

/** The level of each topic in one phase, e.g. { skin: 'healing', sun: 'avoid', makeup: 'none', ... }. */
export type Care = Readonly<Record<CareTopic, string>>;

export interface PhaseCare {
  /** d1 (days 1-3), d4 (days 4-7), w2 (week 2), w3 (weeks 3-12): the seeds' recovery phases. */
  readonly phase: string;
  /** Day 1 is the day of the treatment. */
  readonly fromDay: number;
  readonly toDay: number;
  readonly care: Care;
}

const careSchema = z.strictObject(Object.fromEntries(CARE_TOPICS.map((topic) => [topic, z.string()])) as Record<CareTopic, z.ZodString>);

export const regimensSchema = z
  .strictObject({
    source: z.literal(CLINICAL_PRACTICE),
    note: z.string().min(1),
    levels: z.strictObject(
      Object.fromEntries(CARE_TOPICS.map((topic) => [topic, z.array(z.string()).min(1)])) as Record<CareTopic, z.ZodArray<z.ZodString>>,
    ),
    phases: z.array(z.strictObject({ id: z.string(), fromDay: z.int().positive(), toDay: z.int().positive() })).min(1),
    profiles: z.record(z.string(), z.record(z.string(), careSchema)),
    treatments: z.strictObject(Object.fromEntries(TREATMENT_IDS.map((id) => [id, z.string()])) as Record<TreatmentId, z.ZodString>),
  })
  .superRefine((data, context) => {
    for (const [name, profile] of Object.entries(data.profiles)) {
      for (const phase of data.phases) {
        const care = profile[phase.id];
        if (!care) context.addIssue({ code: 'custom', path: ['profiles', name, phase.id], message: 'missing phase' });
        else
          for (const topic of CARE_TOPICS)
            if (!data.levels[topic].includes(care[topic]))
              context.addIssue({ code: 'custom', path: ['profiles', name, phase.id, topic], message: `unknown level ${care[topic]}` });
      }
    }
    for (const [id, profile] of Object.entries(data.treatments))
      if (!data.profiles[profile]) context.addIssue({ code: 'custom', path: ['treatments', id], message: `unknown profile ${profile}` });
  });
export type Regimens = z.output<typeof regimensSchema>;

let loaded: Regimens | null = null;
export function aftercareRegimens(): Regimens {
  loaded ??= regimensSchema.parse(JSON.parse(readFileSync(resourcePath('catalog', 'aftercare-regimens.json'), 'utf8')));
  return loaded;
}

/** The strictest level of each topic among several: what one regimen for treatments done the same day says. */
export function strictest(levels: Regimens['levels'], cares: readonly Care[]): Care {
  if (cares.length === 0) throw new Error('strictest: nothing to merge');
  const rank = (topic: CareTopic, level: string) => levels[topic].indexOf(level);
  return Object.fromEntries(
    CARE_TOPICS.map((topic) => [topic, cares.map((care) => care[topic]).reduce((a, b) => (rank(topic, b) > rank(topic, a) ? b : a))]),
  ) as Care;
}

/** One regimen, phase by phase, for treatments done on the same day (or one treatment alone). */
export function combinedRegimen(regimens: Regimens, treatments: readonly TreatmentId[]): PhaseCare[] {
  const profiles = [...new Set(treatments)].map((id) => regimens.profiles[regimens.treatments[id]]!);
  return regimens.phases.map((phase) => ({
    phase: phase.id,
    fromDay: phase.fromDay,
    toDay: phase.toDay,
    care: strictest(
      regimens.levels,
      profiles.map((profile) => profile[phase.id]!),
    ),
  }));
}

/** Every topic at its mildest level: the patient's usual routine (with the daily sunscreen every regimen keeps). */
export const isUsualCare = (levels: Regimens['levels'], care: Care): boolean =>
  CARE_TOPICS.every((topic) => care[topic] === levels[topic][0]);
