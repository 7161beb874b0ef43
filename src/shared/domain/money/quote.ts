// The quote: lines in KRW (integers), packages and discounts, VAT as the clinic sets it, the total; then the
// same in the patient's home currency at a rate the coordinator entered with its date and source.
import type { TreatmentId } from '../catalog/catalog-schema';
import { daysBetween } from '../intake/calendar-date';
import { convertFromKrw, divideRounded } from './currency';

export interface QuoteLineInput {
  readonly treatment: TreatmentId;
  readonly sessions: number;
  /** Price of one session, KRW. */
  readonly unitKrw: number;
  /** A package or discount on this line, in percent (0-100) of the line. */
  readonly discountPercent: number;
  /** The clinic's package for this treatment, if it has one: whole packages are charged at the package price. */
  readonly package?: { readonly sessions: number; readonly priceKrw: number } | undefined;
}

export interface VatSetting {
  /** 10 in Korea. */
  readonly percent: number;
  /** Korean clinics usually quote prices with VAT included (002_d65572b616b5df97.txt). */
  readonly pricesIncludeVat: boolean;
}

export interface ExchangeRate {
  /** KRW for one unit of the home currency, as a decimal string: "190.35". */
  readonly krwPerUnit: string;
  readonly date: string;
  readonly source: string;
}

export interface Quote {
  readonly lines: readonly (QuoteLineInput & {
    readonly grossKrw: number;
    readonly discountKrw: number;
    readonly netKrw: number;
    /** How many whole packages the line holds. */
    readonly packages: number;
  })[];
  readonly subtotalKrw: number;
  readonly vatKrw: number;
  readonly totalKrw: number;
  readonly home: {
    readonly currency: string;
    readonly totalMinor: bigint;
    readonly rate: ExchangeRate;
    readonly rateAgeDays: number;
    readonly rateIsStale: boolean;
  } | null;
}

export const STALE_RATE_DAYS = 7;

export function buildQuote(
  lines: readonly QuoteLineInput[],
  vat: VatSetting,
  homeCurrency: string,
  rate: ExchangeRate | null,
  today: string,
): Quote {
  const priced = lines.map((line) => {
    const packages = line.package ? Math.floor(line.sessions / line.package.sessions) : 0;
    const grossKrw = packages * (line.package?.priceKrw ?? 0) + (line.sessions - packages * (line.package?.sessions ?? 0)) * line.unitKrw;
    const discountKrw = Number(divideRounded(BigInt(grossKrw) * BigInt(Math.round(line.discountPercent * 100)), 10_000n));
    return { ...line, grossKrw, discountKrw, netKrw: grossKrw - discountKrw, packages };
  });
  const net = priced.reduce((sum, line) => sum + line.netKrw, 0);
  // VAT inside the price: net = total, VAT = total * p / (100 + p). Outside: VAT = net * p / 100, added.
  const vatKrw = vat.pricesIncludeVat
    ? Number(divideRounded(BigInt(net) * BigInt(vat.percent), BigInt(100 + vat.percent)))
    : Number(divideRounded(BigInt(net) * BigInt(vat.percent), 100n));
  const subtotalKrw = vat.pricesIncludeVat ? net - vatKrw : net;
  const totalKrw = subtotalKrw + vatKrw;
  let home: Quote['home'] = null;
  if (rate && homeCurrency !== 'KRW') {
    const totalMinor = convertFromKrw(totalKrw, rate.krwPerUnit, homeCurrency);
    if (totalMinor !== null) {
      const rateAgeDays = daysBetween(rate.date, today);
      home = { currency: homeCurrency, totalMinor, rate, rateAgeDays, rateIsStale: rateAgeDays > STALE_RATE_DAYS };
    }
  }
  return { lines: priced, subtotalKrw, vatKrw, totalKrw, home };
}
