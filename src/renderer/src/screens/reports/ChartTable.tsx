// One of the dashboard's figures: a bar chart (recharts) and the same numbers as a table beside it, the table
// exportable as CSV. The table is what a screen reader and the CSV read; the chart is for the eye.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { toCsv } from '../../../../shared/domain/reports/csv';
import { downloadCsv } from './download';

export interface ChartRow {
  readonly label: string;
  readonly value: number | null;
}

interface Props {
  readonly id: string;
  readonly title: string;
  readonly labelHeader: string;
  readonly valueHeader: string;
  readonly rows: readonly ChartRow[];
  /** The CSV file's name, without the extension. */
  readonly fileStem: string;
  readonly formatValue?: (value: number | null) => string;
}

/** At most this many bars; the table still lists every row. */
const MAX_BARS = 12;

export function ChartTable({
  id,
  title,
  labelHeader,
  valueHeader,
  rows,
  fileStem,
  formatValue = (value) => (value === null ? '—' : String(value)),
}: Props) {
  const { t, i18n } = useTranslation();
  // Axis ticks short ("300K", "30만"), the table beside has the exact figures.
  const compact = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  const bars = rows.slice(0, MAX_BARS).map((row) => ({ label: row.label, value: row.value ?? 0 }));
  const exportCsv = () =>
    downloadCsv(
      `${fileStem}.csv`,
      toCsv(
        [labelHeader, valueHeader],
        rows.map((row) => [row.label, row.value]),
      ),
    );
  return (
    <section className="panel report-card" aria-labelledby={`${id}-title`} data-report={id}>
      <div className="report-card__header">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0} data-export-csv={id}>
          {t('reports.exportCsv')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.nothingInRange')}</p>
      ) : (
        <>
          <div className="report-card__chart" aria-hidden="true" data-chart={id}>
            <ResponsiveContainer width="100%" height={Math.max(120, bars.length * 28 + 40)}>
              <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
                <CartesianGrid horizontal={false} stroke="#eef0f4" />
                <XAxis
                  type="number"
                  allowDecimals={false}
                  tick={{ fontSize: 12, fill: '#5b6475' }}
                  tickFormatter={(value: number) => compact.format(value)}
                />
                <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12, fill: '#1d2330' }} />
                <Tooltip formatter={(value) => formatValue(Number(value))} />
                <Bar dataKey="value" name={valueHeader} fill="#1f5fbf" maxBarSize={24} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="quote report-card__table">
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col" className="number">
                  {valueHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="number">{formatValue(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
