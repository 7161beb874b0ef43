// The coordinator's numbers for a date range: patients seen by nationality, language and referral route;
// sessions done, moved, no-show; follow-ups due, done, overdue; revenue in KRW by treatment. Each figure is a
// chart with its table, exportable as CSV.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES } from '../../../../shared/contract';
import type { Catalog } from '../../../../shared/domain/catalog/catalog-schema';
import { CLINIC_TIME_ZONE, todayIn } from '../../../../shared/domain/intake/calendar-date';
import { channelQuery } from '../../api/channel-query';
import { Field } from '../../components/Field';
import { LoadFailure } from '../../components/LoadFailure';
import { ChartTable, type ChartRow } from './ChartTable';

export function SummaryPanel({ catalog }: { readonly catalog: Catalog | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const today = todayIn(CLINIC_TIME_ZONE, new Date());
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  // The range shown: the default one first, then each range submitted (the same range again reads it again).
  const [shown, setShown] = useState({ from, to });
  const report = useQuery(channelQuery('getReportSummary', shown));
  const issues = report.error?.error.issues ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (shown.from === from && shown.to === to) void report.refetch();
    else setShown({ from, to });
  };

  const errorOf = (field: 'from' | 'to') => {
    const found = issues.find((issue) => issue.path[0] === field);
    if (!found) return undefined;
    return field === 'to' && found.code === 'invalid' ? t('reports.rangeInvalid') : ISSUE_MESSAGES[found.code][language];
  };

  const countries = new Intl.DisplayNames([language], { type: 'region' });
  const notRecorded = t('reports.notRecorded');
  const krw = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency: 'KRW' });
  const formatKrw = (value: number | null) => (value === null ? t('reports.priceNotSet') : krw.format(value));
  const treatmentName = (id: string) => catalog?.find((treatment) => treatment.id === id)?.names[language] ?? id;

  const summary = report.isFetching ? null : (report.data ?? null);
  const stem = summary ? `${summary.from}_${summary.to}` : '';
  const rows = (list: readonly { key: string; patients: number }[], label: (key: string) => string): ChartRow[] =>
    list.map((row) => ({ label: row.key === '' ? notRecorded : label(row.key), value: row.patients }));

  return (
    <section className="report-section" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('reports.summaryTitle')}</h2>
      <form className="report-range" onSubmit={submit} noValidate>
        <Field name="from" label={t('reports.from')} error={errorOf('from')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="from"
              type="date"
              value={from}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => setFrom(event.target.value)}
            />
          )}
        </Field>
        <Field name="to" label={t('reports.to')} error={errorOf('to')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="to"
              type="date"
              value={to}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => setTo(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button--primary" data-show-summary>
          {t('reports.show')}
        </button>
      </form>
      {report.isFetching && <p className="muted">{t('reports.loading')}</p>}
      {report.isError && !report.isFetching && issues.length === 0 && (
        <LoadFailure error={report.error} onRetry={() => void report.refetch()} />
      )}
      {summary && (
        <>
          <dl className="report-figures" aria-live="polite" data-summary-figures>
            <div>
              <dt>{t('reports.patientsSeen')}</dt>
              <dd data-figure="patients">{summary.patients}</dd>
            </div>
            <div>
              <dt>{t('reports.sessionsDone')}</dt>
              <dd data-figure="sessions-done">{summary.sessions.done}</dd>
            </div>
            <div>
              <dt>{t('reports.followUpsOverdue')}</dt>
              <dd data-figure="followups-overdue">{summary.followUps.overdue}</dd>
            </div>
            <div>
              <dt>{t('reports.revenueTotal')}</dt>
              <dd data-figure="revenue">{krw.format(summary.revenueTotalKrw)}</dd>
            </div>
          </dl>
          <div className="report-grid">
            <ChartTable
              id="nationality"
              title={t('reports.byNationality')}
              labelHeader={t('reports.nationality')}
              valueHeader={t('reports.patients')}
              rows={rows(summary.byNationality, (code) => `${countries.of(code) ?? code} (${code})`)}
              fileStem={`patients-by-nationality_${stem}`}
            />
            <ChartTable
              id="language"
              title={t('reports.byLanguage')}
              labelHeader={t('reports.language')}
              valueHeader={t('reports.patients')}
              rows={rows(summary.byLanguage, (tag) => t(`languages.${tag}`))}
              fileStem={`patients-by-language_${stem}`}
            />
            <ChartTable
              id="referral"
              title={t('reports.byReferral')}
              labelHeader={t('reports.referralRoute')}
              valueHeader={t('reports.patients')}
              rows={rows(summary.byReferral, (route) => t(`referral.routes.${route}`))}
              fileStem={`patients-by-referral_${stem}`}
            />
            <ChartTable
              id="sessions"
              title={t('reports.sessionsTitle')}
              labelHeader={t('reports.sessionOutcome')}
              valueHeader={t('reports.sessions')}
              rows={[
                { label: t('reports.outcomes.done'), value: summary.sessions.done },
                { label: t('reports.outcomes.moved'), value: summary.sessions.moved },
                { label: t('reports.outcomes.noShow'), value: summary.sessions.noShow },
                { label: t('reports.outcomes.cancelled'), value: summary.sessions.cancelled },
              ]}
              fileStem={`sessions_${stem}`}
            />
            <ChartTable
              id="followups"
              title={t('reports.followUpsTitle')}
              labelHeader={t('reports.followUpState')}
              valueHeader={t('reports.followUps')}
              rows={[
                { label: t('reports.followUpStates.due'), value: summary.followUps.due },
                { label: t('reports.followUpStates.done'), value: summary.followUps.done },
                { label: t('reports.followUpStates.overdue'), value: summary.followUps.overdue },
              ]}
              fileStem={`followups_${stem}`}
            />
            <ChartTable
              id="revenue"
              title={t('reports.revenueTitle')}
              labelHeader={t('reports.treatment')}
              valueHeader={t('reports.revenueKrw')}
              rows={summary.revenue.map((row) => ({ label: treatmentName(row.treatment), value: row.revenueKrw }))}
              fileStem={`revenue-by-treatment_${stem}`}
              formatValue={formatKrw}
            />
          </div>
          <p className="hint">{t('reports.revenueNote')}</p>
        </>
      )}
    </section>
  );
}
