// The plan's quote as the screen and the plan-and-quote handout show it: this trip's sessions in the total the
// patient pays now, the next visit's sessions as an estimate apart, cancelled ones nowhere (plan-parts.ts). A
// treatment the clinic has not priced stays on its part as a line "price to be confirmed" (unit price null), and
// the part names it among what its total excludes: a quote never drops a line.
import type { Catalog, TreatmentId } from '../catalog/catalog-schema';
import { minorToDecimal } from '../money/currency';
import { buildQuote } from '../money/quote';
import type { ClinicSettings } from '../settings/clinic-settings';
import { planParts } from './plan-parts';
import type { Plan } from './plan-schema';

export interface QuoteLineView {
  readonly treatment: TreatmentId;
  readonly sessions: number;
  /** Null: the clinic has no price for it yet ("price to be confirmed"); the line is not in the total. */
  readonly unitKrw: number | null;
  readonly discountPercent: number;
  readonly netKrw: number | null;
  /** Whole packages in this line, and the package they are ("3 sessions for ₩1,200,000"). */
  readonly packages: number;
  readonly package: { readonly sessions: number; readonly priceKrw: number } | null;
  /** The seeds' range, shown as a guide beside the clinic's price. */
  readonly guideKrw: { readonly min: number; readonly max: number } | null;
}

export interface QuotePartView {
  readonly lines: readonly QuoteLineView[];
  /** The part's treatments without a clinic price: on the quote, not in the total until one is set. */
  readonly unpriced: readonly TreatmentId[];
  readonly subtotalKrw: number;
  readonly vatKrw: number;
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

/** This trip's quote (the total the patient pays for this stay), and the next visit's estimate apart, or null when
 * no session is at a next visit. */
export interface QuoteView extends QuotePartView {
  readonly vatPercent: number;
  readonly pricesIncludeVat: boolean;
  readonly nextVisit: QuotePartView | null;
}

/** A treatment is priced when the clinic set its price: the one test the quote, the plan and Today all use. */
export const hasClinicPrice = (settings: Pick<ClinicSettings, 'prices'>, treatment: TreatmentId): boolean =>
  settings.prices[treatment] !== undefined;

export function buildQuoteView(plan: Plan, catalog: Catalog, settings: ClinicSettings, homeCurrency: string, today: string): QuoteView {
  const parts = planParts(plan.items);
  const part = (sessions: readonly { readonly treatment: TreatmentId }[]): QuotePartView => {
    const byId = new Map(catalog.map((treatment) => [treatment.id, treatment]));
    const ids = [...new Set(sessions.map((session) => session.treatment))];
    const count = (id: TreatmentId) => sessions.filter((session) => session.treatment === id).length;
    const priced = ids.filter((id) => hasClinicPrice(settings, id));
    const quote = buildQuote(
      priced.map((id) => ({
        treatment: id,
        sessions: count(id),
        unitKrw: settings.prices[id]!,
        discountPercent: plan.discounts[id] ?? 0,
        package: settings.packages.find((offer) => offer.treatment === id),
      })),
      settings.vat,
      homeCurrency,
      plan.rate,
      today,
    );
    // In plan order, priced or not, so the quote reads like the plan.
    const lines = ids.map((id): QuoteLineView => {
      const line = quote.lines.find((quoted) => quoted.treatment === id);
      const guideKrw = byId.get(id)?.priceKrw.value ?? null;
      if (!line)
        return {
          treatment: id,
          sessions: count(id),
          unitKrw: null,
          discountPercent: plan.discounts[id] ?? 0,
          netKrw: null,
          packages: 0,
          package: null,
          guideKrw,
        };
      return {
        treatment: id,
        sessions: line.sessions,
        unitKrw: line.unitKrw,
        discountPercent: line.discountPercent,
        netKrw: line.netKrw,
        packages: line.packages,
        package: line.package ? { sessions: line.package.sessions, priceKrw: line.package.priceKrw } : null,
        guideKrw,
      };
    });
    return {
      lines,
      unpriced: ids.filter((id) => !priced.includes(id)),
      subtotalKrw: quote.subtotalKrw,
      vatKrw: quote.vatKrw,
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
    };
  };
  return {
    ...part(parts.thisTrip),
    vatPercent: settings.vat.percent,
    pricesIncludeVat: settings.vat.pricesIncludeVat,
    nextVisit: parts.nextVisit.length > 0 ? part(parts.nextVisit) : null,
  };
}

/** The treatments a final quote cannot go out without a price for, this trip's and the next visit's, once each:
 * while there is one, the plan-and-quote is only a draft. */
export const missingPrices = (quote: QuoteView): TreatmentId[] => [...new Set([...quote.unpriced, ...(quote.nextVisit?.unpriced ?? [])])];
