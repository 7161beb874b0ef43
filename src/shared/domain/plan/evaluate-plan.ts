// Everything the plan screen shows about a plan, from one pure function: the findings (rules and schedule)
// with their acknowledgements, the quote, the consent summary in Korean and English, and treatments the
// patient's concerns suggest. Called on every change, so findings update live.
import type { Catalog, TreatmentId } from '../catalog/catalog-schema';
import { buildConsentSummary, type ConsentSummary } from '../consent/consent-summary';
import type { PatientIntake } from '../intake/patient-schema';
import { minorToDecimal } from '../money/currency';
import { buildQuote } from '../money/quote';
import { byFindingOrder, checkPlan, type Finding } from '../rules/check-plan';
import type { Rule } from '../rules/rule-schema';
import { checkSchedule } from '../schedule/schedule-plan';
import type { ClinicSettings } from '../settings/clinic-settings';
import type { Acknowledgement, Plan } from './plan-schema';

export interface PlanFinding extends Finding {
  /** The doctor who acknowledged this block or caution, if one did. */
  readonly acknowledgedBy: string | null;
}

export interface QuoteView {
  readonly lines: readonly {
    readonly treatment: TreatmentId;
    readonly sessions: number;
    readonly unitKrw: number;
    readonly discountPercent: number;
    readonly netKrw: number;
    /** Whole packages in this line, and the package they are ("3 sessions for ₩1,200,000"). */
    readonly packages: number;
    readonly package: { readonly sessions: number; readonly priceKrw: number } | null;
    /** The seeds' range, shown as a guide beside the clinic's price. */
    readonly guideKrw: { readonly min: number; readonly max: number } | null;
  }[];
  /** Treatments in the plan without a clinic price: not in the total until one is set. */
  readonly unpriced: readonly TreatmentId[];
  readonly subtotalKrw: number;
  readonly vatKrw: number;
  readonly vatPercent: number;
  readonly pricesIncludeVat: boolean;
  readonly totalKrw: number;
  readonly home: {
    readonly currency: string;
    /** Exact decimal string in the home currency ("7959.02"); formatted by the reader's locale. */
    readonly total: string;
    readonly krwPerUnit: string;
    readonly rateDate: string;
    readonly rateSource: string;
    readonly rateAgeDays: number;
    readonly rateIsStale: boolean;
  } | null;
}

export interface PlanEvaluation {
  readonly findings: readonly PlanFinding[];
  readonly unacknowledgedBlocks: number;
  readonly quote: QuoteView;
  readonly consent: { readonly ko: ConsentSummary; readonly en: ConsentSummary };
  readonly suggestions: readonly TreatmentId[];
}

export const sameFinding = (finding: Finding, ack: Acknowledgement) =>
  ack.rule === finding.rule && ack.treatment === finding.treatment && ack.date === finding.date;

/** The plan's findings alone (schedule and rules) with their acknowledgements: what the week view shows per session.
 * `today` (Korea) bounds the days an undated session can still take. */
export function planFindings(
  patient: PatientIntake,
  plan: Plan,
  catalog: Catalog,
  rules: readonly Rule[],
  settings: ClinicSettings,
  today: string,
): PlanFinding[] {
  const raw = [...checkSchedule(patient.trip, plan.items, catalog, settings.hours), ...checkPlan(patient, plan.items, catalog, rules, today)].sort(
    byFindingOrder,
  );
  return raw.map((finding) => ({
    ...finding,
    acknowledgedBy: plan.acknowledgements.find((ack) => sameFinding(finding, ack))?.doctor ?? null,
  }));
}

export function evaluatePlan(
  patient: PatientIntake,
  plan: Plan,
  catalog: Catalog,
  rules: readonly Rule[],
  settings: ClinicSettings,
  today: string,
): PlanEvaluation {
  const findings = planFindings(patient, plan, catalog, rules, settings, today);

  const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
  const ids = [...new Set(plan.items.map((item) => item.treatment))];
  const priced = ids.filter((id) => settings.prices[id] !== undefined);
  const quote = buildQuote(
    priced.map((id) => ({
      treatment: id,
      sessions: plan.items.filter((item) => item.treatment === id).length,
      unitKrw: settings.prices[id]!,
      discountPercent: plan.discounts[id] ?? 0,
      package: settings.packages.find((offer) => offer.treatment === id),
    })),
    settings.vat,
    patient.homeCurrency,
    plan.rate,
    today,
  );

  const concernSet = new Set(patient.skin.concerns);
  const suggestions = catalog
    .map((treatment) => ({ id: treatment.id, overlap: treatment.concerns.value.filter((c) => concernSet.has(c)).length }))
    .filter(({ id, overlap }) => overlap > 0 && !ids.includes(id))
    .sort((a, b) => b.overlap - a.overlap || a.id.localeCompare(b.id))
    .map(({ id }) => id);

  return {
    findings,
    unacknowledgedBlocks: findings.filter((f) => f.severity === 'block' && f.acknowledgedBy === null).length,
    quote: {
      lines: quote.lines.map((line) => ({
        treatment: line.treatment,
        sessions: line.sessions,
        unitKrw: line.unitKrw,
        discountPercent: line.discountPercent,
        netKrw: line.netKrw,
        packages: line.packages,
        package: line.package ? { sessions: line.package.sessions, priceKrw: line.package.priceKrw } : null,
        guideKrw: byId.get(line.treatment)?.priceKrw.value ?? null,
      })),
      unpriced: ids.filter((id) => !priced.includes(id)),
      subtotalKrw: quote.subtotalKrw,
      vatKrw: quote.vatKrw,
      vatPercent: settings.vat.percent,
      pricesIncludeVat: settings.vat.pricesIncludeVat,
      totalKrw: quote.totalKrw,
      home: quote.home && {
        currency: quote.home.currency,
        total: minorToDecimal(quote.home.totalMinor, quote.home.currency),
        krwPerUnit: quote.home.rate.krwPerUnit,
        rateDate: quote.home.rate.date,
        rateSource: quote.home.rate.source,
        rateAgeDays: quote.home.rateAgeDays,
        rateIsStale: quote.home.rateIsStale,
      },
    },
    consent: {
      ko: buildConsentSummary(plan.items, findings, catalog, 'ko', plan.acknowledgements),
      en: buildConsentSummary(plan.items, findings, catalog, 'en', plan.acknowledgements),
    },
    suggestions,
  };
}
