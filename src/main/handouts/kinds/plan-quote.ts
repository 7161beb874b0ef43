// Plan and quote: the stay, each session with its date, time and recovery, then the quote in KRW (packages,
// discounts, VAT as the clinic sets it) and the total in the home currency with the exchange rate's date.
import { CLINIC_TIME_ZONE, todayIn } from '../../../shared/domain/intake/calendar-date';
import { evaluatePlan } from '../../../shared/domain/plan/evaluate-plan';
import type { Block, Slot } from '../layout/handout-blocks';
import { fill } from '../texts/handout-texts';
import { activeItems, one, range, treatmentOf, type BuildKind } from './handout-input';

export const buildPlanQuote: BuildKind = (input, texts, formats) => {
  const words = texts.handout.plan;
  const common = texts.handout.common;
  const { trip } = input.patient;
  const krw = (amount: number) => formats.money(BigInt(amount), 'KRW');
  const sessions = [...activeItems(input)].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.time ?? '').localeCompare(b.time ?? ''));
  const recovery = (id: Parameters<typeof treatmentOf>[1]) => {
    const downtime = treatmentOf(input, id).downtimeDays.value;
    return downtime.max > 0 ? fill(common.days, { range: range(downtime) }) : common.noDowntime;
  };
  const quote = evaluatePlan(input.patient, input.plan, input.catalog, input.rules, input.settings, todayIn(CLINIC_TIME_ZONE, input.now)).quote;
  const quoteRows: Slot[][] = quote.lines.map((line) => [
    one(texts.treatment(line.treatment).name + (line.package ? ` (${words.packagePrice})` : ''), texts),
    one(String(line.sessions), texts),
    one(quote.unpriced.includes(line.treatment) ? words.priceToBeSet : krw(line.unitKrw), texts),
    one(line.discountPercent > 0 ? `${line.discountPercent}%` : '-', texts),
    one(quote.unpriced.includes(line.treatment) ? '-' : krw(line.netKrw), texts),
  ]);
  const summaryRow = (label: string, amount: string): Slot[] => [one(label, texts), one('', texts), one('', texts), one('', texts), one(amount, texts)];
  if (!quote.pricesIncludeVat) quoteRows.push(summaryRow(words.subtotal, krw(quote.subtotalKrw)), summaryRow(fill(words.vatAdded, { percent: quote.vatPercent }), krw(quote.vatKrw)));
  quoteRows.push(summaryRow(words.total, krw(quote.totalKrw)));

  const blocks: Block[] = [
    { type: 'paragraph', text: one(fill(words.stay, { from: formats.date(trip.arrival), to: formats.date(trip.departure) }), texts) },
    { type: 'heading', level: 1, text: one(words.sessions, texts) },
    {
      type: 'table',
      widths: [0.3, 0.12, 0.38, 0.2],
      header: [one(words.date, texts), one(words.time, texts), one(words.treatment, texts), one(words.recovery, texts)],
      rows: sessions.map((item) => [
        one(item.date ? formats.date(item.date) : words.nextVisit, texts),
        one(item.time ?? '-', texts),
        one(texts.treatment(item.treatment).name, texts),
        one(recovery(item.treatment), texts),
      ]),
    },
    { type: 'heading', level: 1, text: one(words.quote, texts) },
    {
      type: 'table',
      widths: [0.36, 0.08, 0.2, 0.12, 0.24],
      align: ['start', 'end', 'end', 'end', 'end'],
      header: [one(words.item, texts), one(words.quantity, texts), one(words.unitPrice, texts), one(words.discount, texts), one(words.amount, texts)],
      rows: quoteRows,
    },
  ];
  if (quote.pricesIncludeVat) blocks.push({ type: 'paragraph', text: one(fill(words.vatIncluded, { percent: quote.vatPercent }), texts) });
  if (quote.home) {
    const minor = BigInt(quote.home.total.replace('.', ''));
    blocks.push(
      { type: 'paragraph', tone: 'strong', text: one(fill(words.homeCurrency, { amount: formats.money(minor, quote.home.currency), date: formats.date(quote.home.rateDate) }), texts) },
      { type: 'paragraph', text: one(words.homeCurrencyNote, texts) },
    );
  }
  return { blocks };
};
