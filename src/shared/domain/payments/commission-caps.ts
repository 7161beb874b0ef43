// The legal cap on what a clinic may pay a registered agency for a foreign patient, by the kind of medical
// institution, as data (resources/rules/commission-caps.json) with its source, cited like the clinical rules.
import { z } from 'zod';
import { citeSource, type Citation } from '../citations/citation';
import { sourceSchema } from '../citations/source';
import { calendarDateSchema } from '../intake/patient-schema';

/** The kinds of medical institution the cap tells apart (a clinic setting). */
export const CLINIC_KINDS = ['clinic', 'hospital', 'general_hospital', 'tertiary_hospital'] as const;
export type ClinicKind = (typeof CLINIC_KINDS)[number];

export const commissionCapsSchema = z
  .strictObject({
    source: sourceSchema,
    inForceSince: calendarDateSchema,
    caps: z.array(
      z.strictObject({
        clinicKind: z.enum(CLINIC_KINDS),
        name: z.strictObject({ ko: z.string().min(1), en: z.string().min(1) }),
        maxPercent: z.number().min(0).max(100),
      }),
    ),
  })
  // Every kind has exactly one cap: a kind without one would read as "no limit".
  .refine(
    (data) => CLINIC_KINDS.every((kind) => data.caps.filter((cap) => cap.clinicKind === kind).length === 1),
    'every clinic kind needs one cap',
  );

export type CommissionCaps = z.output<typeof commissionCapsSchema>;

export interface CommissionCap {
  readonly clinicKind: ClinicKind;
  readonly maxPercent: number;
  readonly name: { readonly ko: string; readonly en: string };
  readonly citation: Citation;
  readonly inForceSince: string;
}

export function capFor(caps: CommissionCaps, clinicKind: ClinicKind): CommissionCap {
  const cap = caps.caps.find((entry) => entry.clinicKind === clinicKind)!;
  return { clinicKind, maxPercent: cap.maxPercent, name: cap.name, citation: citeSource(caps.source), inForceSince: caps.inForceSince };
}
