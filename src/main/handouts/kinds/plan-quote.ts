// Plan and quote: the stay, each session with its date, time and recovery, then the quote in KRW (packages,
// discounts, VAT as the clinic sets it) and the total in the home currency with the exchange rate's date; the next
// visit's estimate apart; the version of the quote the patient was sent, when one was.
import type { QuotePartView } from '../../../shared/domain/plan/evaluate-plan';
import type { Block, Slot } from '../layout/handout-blocks';
import { fill } from '../texts/handout-texts';
import { handoutQuote, plannedItems, one, range, treatmentOf, type BuildKind } from './handout-input';

export const buildPlanQuote: BuildKind = (input, texts, formats, options) => {
  const words = texts.handout.plan;
  const common = texts.handout.common;
  const { trip } = input.patient;
  const krw = (amount: number) => formats.money(BigInt(amount), 'KRW');
  const sessions = [...plannedItems(input)].sort(
    (a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.time ?? '').localeCompare(b.time ?? ''),
  );
  const recovery = (id: Parameters<typeof treatmentOf>[1]) => {
    const downtime = treatmentOf(input, id).downtimeDays.value;
    return downtime.max > 0 ? fill(common.days, { range: range(downtime) }) : common.noDowntime;
  };
  const quote = handoutQuote(input);
  const summaryRow = (label: string, amount: string): Slot[] => [
    one(label, texts),
    one('', texts),
    one('', texts),
    one('', texts),
    one(amount, texts),
  ];
  // Every line of a part, a price to be confirmed included: a quote never drops a line, and its total says what
  // it leaves out.
  const partTable = (part: QuotePartView): Block[] => {
    const rows: Slot[][] = part.lines.map((line) => [
      one(texts.treatment(line.treatment).name + (line.package ? ` (${words.packagePrice})` : ''), texts),
      one(String(line.sessions), texts),
      one(line.unitKrw === null ? words.priceToBeSet : krw(line.unitKrw), texts),
      one(line.discountPercent > 0 ? `${line.discountPercent}%` : '-', texts),
      one(line.netKrw === null ? '-' : krw(line.netKrw), texts),
    ]);
    if (!quote.pricesIncludeVat)
      rows.push(
        summaryRow(words.subtotal, krw(part.subtotalKrw)),
        summaryRow(fill(words.vatAdded, { percent: quote.vatPercent }), krw(part.vatKrw)),
      );
    rows.push(summaryRow(words.total, krw(part.totalKrw)));
    const excluded = part.unpriced.map((id) => texts.treatment(id).name).join(', ');
    return [
      {
        type: 'table',
        widths: [0.36, 0.08, 0.2, 0.12, 0.24],
        align: ['start', 'end', 'end', 'end', 'end'],
        header: [
          one(words.item, texts),
          one(words.quantity, texts),
          one(words.unitPrice, texts),
          one(words.discount, texts),
          one(words.amount, texts),
        ],
        rows,
      },
      ...(part.unpriced.length > 0
        ? [{ type: 'paragraph' as const, tone: 'warning' as const, text: one(fill(words.totalExcludes, { treatments: excluded }), texts) }]
        : []),
    ];
  };

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
    ...partTable(quote),
  ];
  if (quote.pricesIncludeVat) blocks.push({ type: 'paragraph', text: one(fill(words.vatIncluded, { percent: quote.vatPercent }), texts) });
  if (quote.home) {
    const minor = BigInt(quote.home.total.replace('.', ''));
    blocks.push(
      {
        type: 'paragraph',
        tone: 'strong',
        text: one(
          fill(words.homeCurrency, { amount: formats.money(minor, quote.home.currency), date: formats.date(quote.home.rateDate) }),
          texts,
        ),
      },
      { type: 'paragraph', text: one(words.homeCurrencyNote, texts) },
    );
  }
  if (quote.nextVisit) {
    blocks.push({ type: 'heading', level: 1, text: one(words.nextVisitQuote, texts) }, ...partTable(quote.nextVisit), {
      type: 'paragraph',
      text: one(words.nextVisitNote, texts),
    });
  }
  if (input.quoteVersion) {
    blocks.push({
      type: 'paragraph',
      text: one(fill(words.quoteVersion, { version: input.quoteVersion.version, date: formats.date(input.quoteVersion.sentOn) }), texts),
    });
  }
  return options.draft ? { blocks, mark: words.draftMark } : { blocks };
};
