// The treatment catalog as data (resources/catalog/treatments.json), checked by this schema when it is loaded.
// Every fact carries the seed article it came from (or one of its sections), a named reference (a label, a
// regulator's notice, a paper), or "clinical-practice" where the value is a conservative default the clinic's
// doctors must confirm (see ../citations/source.ts).
import { z } from 'zod';
import { sourceSchema } from '../citations/source';
import { SKIN_CONCERNS } from '../intake/vocabulary';

export { sourceSchema };

export const TREATMENT_IDS = [
  'laser-toning',
  'pico-laser',
  'ipl',
  'fraxel',
  'fractional-co2',
  'erbium-laser',
  'microneedling',
  'rf-microneedling',
  'prp',
  'subcision',
  'tca-cross',
  'ha-filler',
  'steroid-injection',
  'chemical-peel',
  'aqua-peel',
  'hydrafacial',
  'microdermabrasion',
  'rejuran-healer',
  'water-shine',
  'glutathione-iv',
  'exosome',
  'ultherapy',
  'shurink',
  'doublo-gold',
  'led-therapy',
] as const;
export type TreatmentId = (typeof TREATMENT_IDS)[number];

export const CATEGORIES = ['laser', 'light', 'needling', 'injection', 'peel', 'facial', 'iv', 'hifu', 'surgical'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Properties the rules and the scheduler reason about, beyond the category. */
export const TAGS = [
  'resurfacing', // removes or wounds the epidermis: fractional lasers, deep peels, TCA CROSS
  'ablative', // vaporises tissue: fractional CO2, erbium
  'energy', // laser, light, RF or ultrasound energy
  'needle', // breaks the skin with needles or a cannula
  'injectable', // a product is injected
  'salmon-pn', // polynucleotides from salmon DNA
  'hyaluronic-acid',
  'topical-anaesthesia', // numbing cream (lidocaine) is usually applied
  'deep-peel',
  'booster', // skin boosters: commonly done the same day after a laser
  // How deep an energy treatment wounds: the isotretinoin consensus treats these three differently.
  'fully-ablative', // removes the whole epidermis over the treated area
  'fractional-ablative', // vaporises microscopic columns, the skin between them left whole
  'non-ablative', // heats without removing tissue
  'lidocaine-premixed', // the product itself contains lidocaine: it cannot be left out for an allergic patient
] as const;
export type Tag = (typeof TAGS)[number];

/** How a treatment is numbed: not at all, numbing cream (lidocaine) as a rule, an injected local anaesthetic, or
 * numbing cream only if the patient wants it. */
export const ANAESTHESIA = ['none', 'topical', 'local', 'topical-optional'] as const;
export type Anaesthesia = (typeof ANAESTHESIA)[number];

const localized = z.strictObject({ ko: z.string().min(1), en: z.string().min(1) });
const range = z.strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() }).refine((r) => r.min <= r.max, 'min > max');
const sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: sourceSchema });
/** A list whose items come from one source, unless an item names its own (a seed list completed from practice). */
const sourcedList = z.strictObject({
  items: z.array(localized.extend({ source: sourceSchema.optional() })).min(1),
  source: sourceSchema,
});

export const treatmentSchema = z.strictObject({
  id: z.enum(TREATMENT_IDS),
  names: localized,
  category: z.enum(CATEGORIES),
  tags: z.array(z.enum(TAGS)),
  purpose: sourced(localized),
  concerns: sourced(z.array(z.enum(SKIN_CONCERNS))),
  /** Sessions of a typical course, and the fewest days between two sessions. `source` is the interval's;
   * `sessionsSource` the session count's when it comes from elsewhere (the seeds give counts, never intervals). */
  course: z.strictObject({
    value: z.strictObject({ sessions: range, minIntervalDays: z.int().nonnegative() }),
    source: sourceSchema,
    sessionsSource: sourceSchema.optional(),
  }),
  sessionMinutes: sourced(range),
  downtimeDays: sourced(range),
  anaesthesia: sourced(z.enum(ANAESTHESIA)),
  /** KRW per session, integers; null where the seeds give no price (the clinic sets its own in settings). */
  priceKrw: sourced(z.strictObject({ min: z.int().positive(), max: z.int().positive() }).nullable()),
  preCare: sourcedList,
  aftercare: sourcedList,
  sideEffects: sourcedList,
  complications: sourcedList,
  alternatives: sourced(z.array(z.enum(TREATMENT_IDS))),
  /** Treatments that may take place on the same day as this one (either side listing the other is enough); the
   * scheduler puts nothing else together. */
  sameDay: sourced(z.array(z.enum(TREATMENT_IDS))),
});

export const catalogSchema = z
  .array(treatmentSchema)
  .refine(
    (list) => TREATMENT_IDS.every((id) => list.some((t) => t.id === id)) && list.length === TREATMENT_IDS.length,
    'every treatment id exactly once',
  );

export type Treatment = z.output<typeof treatmentSchema>;
export type Catalog = readonly Treatment[];
