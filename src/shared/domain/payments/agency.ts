// Agencies that refer patients (registered with the Ministry of Health and Welfare to attract foreign patients;
// brokering without registration is a crime): name, registration number and its expiry, contact, and what the
// clinic pays them, a rate of the medical fee received or a fixed fee per treatment. Saving one whose registration
// has expired, or whose terms go over the legal cap for the clinic's kind, is refused with the reason.
import { z } from 'zod';
import { TREATMENT_IDS, type TreatmentId } from '../catalog/catalog-schema';
import { calendarDateSchema } from '../intake/patient-schema';
import { divideRounded } from '../money/currency';
import type { CommissionCap } from './commission-caps';

export const agencySchema = z.strictObject({
  name: z.string('invalid_type').trim().min(1, 'required').max(120, 'too_long'),
  registrationNumber: z.string('invalid_type').trim().min(1, 'required').max(40, 'too_long'),
  /** The last day the registration is valid. */
  registrationExpires: calendarDateSchema,
  contact: z.string('invalid_type').trim().max(300, 'too_long').default(''),
  terms: z.discriminatedUnion(
    'kind',
    [
      /** Percent of the medical fee received, to the hundredth (12.5). */
      z.strictObject({
        kind: z.literal('rate'),
        percent: z.number('invalid_type').min(0, 'invalid').max(100, 'invalid').multipleOf(0.01, 'invalid'),
      }),
      /** KRW per treatment the patient paid for. */
      z.strictObject({
        kind: z.literal('fixed'),
        feesKrw: z.partialRecord(z.enum(TREATMENT_IDS), z.int('invalid_type').min(0, 'invalid').max(100_000_000, 'invalid')),
      }),
    ],
    'invalid_choice',
  ),
});

export type AgencyInput = z.output<typeof agencySchema>;
export interface Agency extends AgencyInput {
  readonly id: string;
  readonly version: number;
}

export type AgencyRefusalCode = 'registration_expired' | 'commission_over_cap';
export interface AgencyRefusal {
  readonly path: readonly (string | number)[];
  readonly code: AgencyRefusalCode;
}

/** Basis points (1/100 of a percent) as an integer: rates are compared and applied without floats. */
export const basisPoints = (percent: number): bigint => BigInt(Math.round(percent * 100));

/** Why these terms cannot be agreed, each beside its field. A fixed fee is held against the clinic's price of the
 * treatment (a fee over the cap's share of one session's price is over it whatever the patient pays). */
export function agencyRefusals(
  agency: AgencyInput,
  cap: CommissionCap,
  today: string,
  pricesKrw: Partial<Record<TreatmentId, number>>,
): AgencyRefusal[] {
  const refusals: AgencyRefusal[] = [];
  if (agency.registrationExpires < today) refusals.push({ path: ['registrationExpires'], code: 'registration_expired' });
  const capBp = basisPoints(cap.maxPercent);
  if (agency.terms.kind === 'rate') {
    if (basisPoints(agency.terms.percent) > capBp) refusals.push({ path: ['terms', 'percent'], code: 'commission_over_cap' });
  } else {
    for (const [treatment, fee] of Object.entries(agency.terms.feesKrw) as [TreatmentId, number][]) {
      const price = pricesKrw[treatment];
      if (price !== undefined && BigInt(fee) * 10_000n > BigInt(price) * capBp)
        refusals.push({ path: ['terms', 'feesKrw', treatment], code: 'commission_over_cap' });
    }
  }
  return refusals;
}

/** The cap's share of an amount, rounded down (never a won over the cap). */
export const capShareKrw = (krw: number, cap: CommissionCap): number => Number((BigInt(krw) * basisPoints(cap.maxPercent)) / 10_000n);

/** A rate's share of an amount, rounded to the won. */
export const rateShareKrw = (krw: number, percent: number): number => Number(divideRounded(BigInt(krw) * basisPoints(percent), 10_000n));
