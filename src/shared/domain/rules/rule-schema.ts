// Contraindication and caution rules as data (resources/rules/contraindications.json), checked by this schema
// when loaded. A rule names the treatments it concerns, a condition on the patient's answers, skin and dates (a
// date is compared with the session's date, never today's) and the plan, a severity, a message in Korean and
// English, and its source. Findings are decision support for the doctor, who decides.
import { z } from 'zod';
import { ANAESTHESIA, CATEGORIES, TAGS, TREATMENT_IDS, type Anaesthesia } from '../catalog/catalog-schema';
import { CLINICAL_PRACTICE, sourceSchema } from '../citations/source';
import { ALLERGIES, SCREENING_DATES, SCREENING_FLAGS, SKIN_CONCERNS } from '../intake/vocabulary';

export const SEVERITIES = ['block', 'caution', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Condition =
  /** A yes/no screening answer: true, false, or null for "not asked". */
  | { readonly answer: (typeof SCREENING_FLAGS)[number]; readonly is: boolean | null }
  /** A dated screening answer within `days` before the session (session date minus that date, 0..days-1). */
  | { readonly withinDaysBeforeSession: (typeof SCREENING_DATES)[number]; readonly days: number }
  /** Any of these questions still unanswered (a yes/no question null, a date question DATE_NOT_ASKED): an unasked
   * question is never a "no". */
  | { readonly anyUnanswered: readonly ((typeof SCREENING_FLAGS)[number] | (typeof SCREENING_DATES)[number])[] }
  /** The free-text medications name one of these drugs (case- and accent-insensitive, any script). */
  | { readonly medicationsMention: readonly string[] }
  /** The treatment's anaesthesia (catalog) is one of these. */
  | { readonly anaesthesia: readonly Anaesthesia[] }
  | { readonly sex: 'female' | 'male' | 'other' }
  | { readonly allergy: (typeof ALLERGIES)[number] }
  | { readonly fitzpatrickAtLeast: number }
  | { readonly fitzpatrickUnknown: true }
  | { readonly concern: (typeof SKIN_CONCERNS)[number] }
  /** The plan holds at least `count` sessions of this treatment (this one included). */
  | { readonly sessionsOfTreatmentAtLeast: (typeof TREATMENT_IDS)[number]; readonly count: number }
  /** The session's downtime (max days) ends after the departure date. */
  | { readonly downtimeEndsAfterDeparture: true }
  /** Fewer than `days` days between the session and the departure. */
  | { readonly daysBeforeDepartureLessThan: number }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ answer: z.enum(SCREENING_FLAGS), is: z.boolean().nullable() }),
    z.strictObject({ withinDaysBeforeSession: z.enum(SCREENING_DATES), days: z.int().positive() }),
    z.strictObject({ anyUnanswered: z.array(z.enum([...SCREENING_FLAGS, ...SCREENING_DATES])).min(1) }),
    z.strictObject({ medicationsMention: z.array(z.string().trim().min(2)).min(1) }),
    z.strictObject({ anaesthesia: z.array(z.enum(ANAESTHESIA)).min(1) }),
    z.strictObject({ sex: z.enum(['female', 'male', 'other']) }),
    z.strictObject({ allergy: z.enum(ALLERGIES) }),
    z.strictObject({ fitzpatrickAtLeast: z.int().min(1).max(6) }),
    z.strictObject({ fitzpatrickUnknown: z.literal(true) }),
    z.strictObject({ concern: z.enum(SKIN_CONCERNS) }),
    z.strictObject({ sessionsOfTreatmentAtLeast: z.enum(TREATMENT_IDS), count: z.int().positive() }),
    z.strictObject({ downtimeEndsAfterDeparture: z.literal(true) }),
    z.strictObject({ daysBeforeDepartureLessThan: z.int().positive() }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** A rule cites a seed article (or one of its sections), or a named clinical reference (labelling, guideline). */
const ruleSourceSchema = sourceSchema.refine((source) => source !== CLINICAL_PRACTICE, 'a rule names its source');

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Which sessions the rule looks at: any listed treatment, category or tag. */
  appliesTo: z
    .strictObject({
      treatments: z.array(z.enum(TREATMENT_IDS)).default([]),
      categories: z.array(z.enum(CATEGORIES)).default([]),
      tags: z.array(z.enum(TAGS)).default([]),
    })
    .refine((a) => a.treatments.length + a.categories.length + a.tags.length > 0, 'a rule applies to something'),
  when: conditionSchema,
  severity: z.enum(SEVERITIES),
  message: z.strictObject({ ko: z.string().min(1), en: z.string().min(1) }),
  source: ruleSourceSchema,
});

export const rulesSchema = z
  .array(ruleSchema)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids are unique');

export type Rule = z.output<typeof ruleSchema>;
