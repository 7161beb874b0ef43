// What an agency is owed for a patient it referred: computed from the payments received (never the quote), on
// the medical fee alone (interpreting, transport and lodging lines left out), at the agency's terms, and never
// over the legal cap for the clinic's kind. An agency whose registration had expired is owed nothing (paying an
// unregistered broker is the crime the registration exists to prevent), and says why.
import type { TreatmentId } from '../catalog/catalog-schema';
import { agencyRefusals, capShareKrw, rateShareKrw, type AgencyInput, type AgencyRefusalCode } from './agency';
import { balanceOf } from './balance';
import type { CommissionCap } from './commission-caps';
import type { PaymentRecord } from './payment-record';

export interface Commission {
  /** The medical fee received, net of refunds and corrections: the base. */
  readonly medicalKrw: number;
  /** Interpreting, transport and lodging received: left out of the base. */
  readonly excludedKrw: number;
  /** What the terms give before the cap. */
  readonly termsKrw: number;
  /** The cap's share of the base. */
  readonly capKrw: number;
  /** What may be paid: the terms, held to the cap; 0 when refused. */
  readonly owedKrw: number;
  /** Why it is held or refused, shown on the patient and the statement. */
  readonly flags: readonly AgencyRefusalCode[];
}

/** The medical KRW received per treatment (lines without a treatment are the medical fee at large). */
function medicalByTreatment(records: readonly PaymentRecord[]): Map<TreatmentId, number> {
  const byTreatment = new Map<TreatmentId, number>();
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const record of records) {
    const original = record.kind === 'correction' ? byId.get(record.linkedTo ?? '') : record;
    if (!original || original.kind === 'correction') continue;
    const sign = (record.kind === 'correction' ? -1 : 1) * (original.kind === 'refund' ? -1 : 1);
    for (const line of original.lines) {
      if (line.service === 'medical' && line.treatment !== null)
        byTreatment.set(line.treatment, (byTreatment.get(line.treatment) ?? 0) + sign * line.krw);
    }
  }
  return byTreatment;
}

/** The commission on `records` (one patient's, or one month's of them), at `asOf` for the registration. */
export function commissionOf(records: readonly PaymentRecord[], agency: AgencyInput, cap: CommissionCap, asOf: string): Commission {
  const balance = balanceOf(records, null);
  const medicalKrw = Math.max(0, balance.byService.medical);
  const excludedKrw = balance.byService.interpreting + balance.byService.transport + balance.byService.lodging;
  const capKrw = capShareKrw(medicalKrw, cap);
  let termsKrw: number;
  if (agency.terms.kind === 'rate') termsKrw = rateShareKrw(medicalKrw, agency.terms.percent);
  else {
    // A fixed fee for each treatment the patient paid for (net of refunds).
    const fees = agency.terms.feesKrw;
    termsKrw = [...medicalByTreatment(records)].reduce((sum, [treatment, krw]) => sum + (krw > 0 ? (fees[treatment] ?? 0) : 0), 0);
  }
  // The registration is checked at `asOf`; the terms against the cap by amount (a fixed fee's check needs no prices).
  const flags: AgencyRefusalCode[] = agencyRefusals(agency, cap, asOf, {}).map((refusal) => refusal.code);
  if (termsKrw > capKrw && !flags.includes('commission_over_cap')) flags.push('commission_over_cap');
  const owedKrw = flags.includes('registration_expired') ? 0 : Math.min(termsKrw, capKrw);
  return { medicalKrw, excludedKrw, termsKrw, capKrw, owedKrw, flags };
}
