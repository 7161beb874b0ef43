// The quote: one line per treatment of this trip in KRW with its discount (a treatment without a clinic price
// too, "price not set", named under the total it is not in), VAT as the clinic sets it and the total; then the same
// total in the patient's home currency at a rate the coordinator enters with its date and source; then the next
// visit's estimate apart.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Treatment, TreatmentId } from '../../../../shared/domain/catalog/catalog-schema';
import { isCalendarDate } from '../../../../shared/domain/intake/calendar-date';
import type { QuoteLineView, QuotePartView, QuoteView } from '../../../../shared/domain/plan/evaluate-plan';
import { exchangeRateSchema, type Plan } from '../../../../shared/domain/plan/plan-schema';
import { currencyName } from '../../components/display-names';
import { QuoteSent } from './QuoteSent';
import { formatCurrency, formatDay, type SummaryLanguage } from './plan-model';

export interface QuotePanelProps {
  readonly patientId: string;
  /** The saved plan's version, and whether the screen has unsaved changes: "Mark as sent" sends the saved plan. */
  readonly version: number;
  readonly dirty: boolean;
  readonly quote: QuoteView | null;
  readonly byId: ReadonlyMap<TreatmentId, Treatment>;
  readonly language: SummaryLanguage;
  readonly discounts: Plan['discounts'];
  readonly homeCurrency: string;
  readonly rate: Plan['rate'];
  readonly today: string;
  readonly onDiscount: (treatment: TreatmentId, percent: number | undefined) => void;
  readonly onRate: (rate: Plan['rate']) => void;
}

interface RateForm {
  readonly krwPerUnit: string;
  readonly date: string;
  readonly source: string;
}

function parsePercent(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, Math.round(value * 100) / 100));
}

/** "1380.25" as "1,380.25" for the reader, from the exact decimal string. */
function formatDecimal(decimal: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }) as Intl.NumberFormat & { format(value: string): string };
  return format.format(decimal);
}

interface QuoteLineRowProps {
  readonly line: QuoteLineView;
  readonly name: string;
  readonly krw: (amount: number) => string;
  readonly discount: number | undefined;
  readonly onDiscount: (treatment: TreatmentId, percent: number | undefined) => void;
}

/** One line of this trip's quote: a treatment without a clinic price stays on it, "price not set", out of the total. */
function QuoteLineRow({ line, name, krw, discount, onDiscount }: QuoteLineRowProps) {
  const { t } = useTranslation();
  const unpriced = line.unitKrw === null;
  return (
    <tr data-quote-line={unpriced ? undefined : line.treatment} data-quote-unpriced={unpriced ? line.treatment : undefined}>
      <th scope="row">
        {name}
        {line.package && line.packages > 0 && (
          <small className="quote__guide" data-package>
            {t('plan.quote.package', { count: line.packages, sessions: line.package.sessions, price: krw(line.package.priceKrw) })}
          </small>
        )}
        {line.guideKrw && (
          <small className="quote__guide">{t('plan.quote.guide', { min: krw(line.guideKrw.min), max: krw(line.guideKrw.max) })}</small>
        )}
      </th>
      <td className="num">{line.sessions}</td>
      {unpriced ? (
        <td colSpan={3} className="quote__unpriced">
          {t('plan.quote.unpriced')}
        </td>
      ) : (
        <>
          <td className="num">{krw(line.unitKrw)}</td>
          <td className="num">
            <input
              type="number"
              className="quote__discount"
              name={`discount-${line.treatment}`}
              min={0}
              max={100}
              step={1}
              inputMode="decimal"
              value={discount ?? ''}
              placeholder="0"
              aria-label={t('plan.quote.discountOf', { treatment: name })}
              onChange={(event) => onDiscount(line.treatment, parsePercent(event.target.value))}
            />
            <span aria-hidden="true"> %</span>
          </td>
          <td className="num" data-net>
            {krw(line.netKrw ?? 0)}
          </td>
        </>
      )}
    </tr>
  );
}

/** The next visit's sessions, quoted apart at today's prices: an estimate, never in this trip's total. */
function NextVisitQuote({
  part,
  krw,
  nameOf,
}: {
  readonly part: QuotePartView;
  readonly krw: (amount: number) => string;
  readonly nameOf: (id: TreatmentId) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="quote-next-visit" data-quote-next-visit>
      <h3 className="subheading">{t('plan.quote.nextVisitTitle')}</h3>
      <table className="quote">
        <caption className="visually-hidden">{t('plan.quote.nextVisitTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.quote.treatment')}</th>
            <th scope="col" className="num">
              {t('plan.quote.sessions')}
            </th>
            <th scope="col" className="num">
              {t('plan.quote.net')}
            </th>
          </tr>
        </thead>
        <tbody>
          {part.lines.map((line) => (
            <tr key={line.treatment} data-next-visit-line={line.treatment}>
              <th scope="row">{nameOf(line.treatment)}</th>
              <td className="num">{line.sessions}</td>
              <td className={line.netKrw === null ? 'quote__unpriced' : 'num'}>
                {line.netKrw === null ? t('plan.quote.unpriced') : krw(line.netKrw)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="quote__total">
            <th scope="row" colSpan={2}>
              {t('plan.quote.nextVisitTotal')}
            </th>
            <td className="num" data-next-visit-total-krw>
              {krw(part.totalKrw)}
            </td>
          </tr>
        </tfoot>
      </table>
      {part.unpriced.length > 0 && (
        <p className="hint">{t('plan.quote.totalExcludes', { treatments: part.unpriced.map(nameOf).join(', ') })}</p>
      )}
      <p className="hint">{t('plan.quote.nextVisitNote')}</p>
    </div>
  );
}

export function QuotePanel(props: QuotePanelProps) {
  const { quote, byId, language, discounts, homeCurrency, today } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const krw = (amount: number) => formatCurrency(amount, 'KRW', locale);
  const nameOf = (id: TreatmentId) => byId.get(id)?.names[language] ?? id;
  const id = useId();
  const [rateForm, setRateForm] = useState<RateForm>(() => props.rate ?? { krwPerUnit: '', date: today, source: '' });

  const changeRate = (change: Partial<RateForm>) => {
    const next = { ...rateForm, ...change };
    setRateForm(next);
    const parsed = exchangeRateSchema.safeParse({ krwPerUnit: next.krwPerUnit.trim(), date: next.date, source: next.source });
    props.onRate(parsed.success ? parsed.data : null);
  };
  const rateError = rateForm.krwPerUnit.trim() !== '' && !exchangeRateSchema.shape.krwPerUnit.safeParse(rateForm.krwPerUnit.trim()).success;
  const dateError = rateForm.date !== '' && !isCalendarDate(rateForm.date);
  const home = quote?.home ?? null;
  const currency = currencyName(homeCurrency, locale);

  if (!quote || (quote.lines.length === 0 && !quote.nextVisit)) {
    return (
      <section className="panel" aria-labelledby="plan-quote-title">
        <h2 id="plan-quote-title">{t('plan.quote.title')}</h2>
        <p className="muted">{t('plan.quote.empty')}</p>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="plan-quote-title" data-quote>
      <h2 id="plan-quote-title">{t('plan.quote.title')}</h2>
      <table className="quote">
        <caption className="visually-hidden">{t('plan.quote.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.quote.treatment')}</th>
            <th scope="col" className="num">
              {t('plan.quote.sessions')}
            </th>
            <th scope="col" className="num">
              {t('plan.quote.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('plan.quote.discount')}
            </th>
            <th scope="col" className="num">
              {t('plan.quote.net')}
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line) => (
            <QuoteLineRow
              key={line.treatment}
              line={line}
              krw={krw}
              name={nameOf(line.treatment)}
              discount={discounts[line.treatment]}
              onDiscount={props.onDiscount}
            />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {quote.pricesIncludeVat ? t('plan.quote.subtotalExcl') : t('plan.quote.subtotal')}
            </th>
            <td className="num">{krw(quote.subtotalKrw)}</td>
          </tr>
          <tr data-vat>
            <th scope="row" colSpan={4}>
              {quote.pricesIncludeVat
                ? t('plan.quote.vatIncluded', { percent: quote.vatPercent })
                : t('plan.quote.vatAdded', { percent: quote.vatPercent })}
            </th>
            <td className="num">{krw(quote.vatKrw)}</td>
          </tr>
          <tr className="quote__total">
            <th scope="row" colSpan={4}>
              {t('plan.quote.total')}
            </th>
            <td className="num" data-total-krw>
              {krw(quote.totalKrw)}
            </td>
          </tr>
        </tfoot>
      </table>
      {quote.unpriced.length > 0 && (
        <p className="hint" data-total-excludes>
          {t('plan.quote.totalExcludes', { treatments: quote.unpriced.map(nameOf).join(', ') })}
        </p>
      )}
      {quote.nextVisit && <NextVisitQuote part={quote.nextVisit} krw={krw} nameOf={nameOf} />}
      <QuoteSent patientId={props.patientId} quote={quote} version={props.version} dirty={props.dirty} />

      {homeCurrency === 'KRW' ? (
        <p className="hint">{t('plan.quote.paysInKrw')}</p>
      ) : (
        <div className="home-currency">
          <h3 className="subheading">{t('plan.quote.homeTitle', { currency })}</h3>
          <div className="rate-form">
            <div className={`field${rateError ? ' field--invalid' : ''}`}>
              <label htmlFor={`${id}-rate`}>{t('plan.quote.ratePerUnit', { currency: homeCurrency })}</label>
              <input
                id={`${id}-rate`}
                name="rate-krw-per-unit"
                inputMode="decimal"
                value={rateForm.krwPerUnit}
                placeholder="1380.25"
                aria-invalid={rateError ? true : undefined}
                aria-describedby={rateError ? `${id}-rate-error` : undefined}
                onChange={(event) => changeRate({ krwPerUnit: event.target.value })}
              />
              {rateError && (
                <p className="field__error" id={`${id}-rate-error`} role="alert">
                  {t('plan.quote.rateInvalid')}
                </p>
              )}
            </div>
            <div className={`field${dateError ? ' field--invalid' : ''}`}>
              <label htmlFor={`${id}-date`}>{t('plan.quote.rateDate')}</label>
              <input
                id={`${id}-date`}
                name="rate-date"
                type="date"
                value={rateForm.date}
                aria-invalid={dateError ? true : undefined}
                onChange={(event) => changeRate({ date: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-source`}>{t('plan.quote.rateSource')}</label>
              <input
                id={`${id}-source`}
                name="rate-source"
                value={rateForm.source}
                maxLength={120}
                placeholder={t('plan.quote.rateSourcePlaceholder')}
                onChange={(event) => changeRate({ source: event.target.value })}
              />
            </div>
          </div>
          {home ? (
            <div className="home-total" data-home-total>
              <p className="home-total__amount">
                <span>{t('plan.quote.homeTotal', { currency: homeCurrency })}</span>{' '}
                <strong data-home-amount>{formatCurrency(home.total, home.currency, locale)}</strong>
              </p>
              <p className="hint">
                {t('plan.quote.rateNote', {
                  rate: formatDecimal(home.krwPerUnit, locale),
                  currency: home.currency,
                  date: formatDay(home.rateDate, locale),
                  source: home.rateSource,
                })}
              </p>
              {home.rateIsStale && (
                <p className="banner banner--warn" role="status" data-rate-stale>
                  {t('plan.quote.rateStale', { count: home.rateAgeDays })}
                </p>
              )}
            </div>
          ) : (
            <p className="hint">{t('plan.quote.rateNeeded', { currency: homeCurrency })}</p>
          )}
        </div>
      )}
    </section>
  );
}
