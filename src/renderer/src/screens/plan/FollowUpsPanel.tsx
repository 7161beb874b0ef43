// The follow-ups after the flight home that the saved plan made for this patient: step, the patient's local due
// date, the same instant in Korea time, and where each stands. Read again whenever the plan is saved (the save
// invalidates them). The patient's
// sessions and follow-ups download as an .ics calendar (the saved plan's, every time in UTC).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { LoadFailure } from '../../components/LoadFailure';
import { hrefOf } from '../../app/routes';
import { outcomeLabel, stateLabel, stepLabel } from '../followups/followup-text';
import { downloadBlob } from '../reports/download';

export function FollowUpsPanel({ patientId, version }: { readonly patientId: string; readonly version: number }) {
  const { t } = useTranslation();
  const listed = useQuery(channelQuery('listPatientFollowUps', { patientId }));
  const followUps = listed.data ?? null;
  const [calendar, setCalendar] = useState<{ readonly state: 'idle' | 'working' } | { readonly state: 'failed'; readonly message: string }>(
    { state: 'idle' },
  );

  const downloadCalendar = async () => {
    if (calendar.state === 'working') return;
    setCalendar({ state: 'working' });
    const result = await api.exportPatientCalendar({ patientId });
    if (!result.ok) return setCalendar({ state: 'failed', message: result.error.message });
    downloadBlob(result.value.fileName, new Blob([result.value.ics], { type: 'text/calendar;charset=utf-8' }));
    setCalendar({ state: 'idle' });
  };

  return (
    <section className="panel plan-followups no-print" aria-labelledby="plan-followups-title" data-plan-followups data-version={version}>
      <h2 id="plan-followups-title">{t('followups.plan.title')}</h2>
      {listed.isError && <LoadFailure error={listed.error} onRetry={() => void listed.refetch()} retrying={listed.isFetching} />}
      {followUps && followUps.length === 0 && (
        <p className="empty empty--small" data-plan-followups-empty>
          {t('followups.plan.empty')}
        </p>
      )}
      {followUps && followUps.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('followups.step')}</th>
              <th scope="col">{t('followups.plan.localDate')}</th>
              <th scope="col">{t('followups.plan.korea')}</th>
              <th scope="col">{t('followups.plan.state')}</th>
            </tr>
          </thead>
          <tbody>
            {followUps.map((followUp) => (
              <tr
                key={followUp.id}
                data-followup-id={followUp.id}
                data-step={followUp.step}
                data-state={followUp.state}
                data-outcome={followUp.outcome ?? ''}
              >
                <th scope="row">{stepLabel(t, followUp.step)}</th>
                <td data-local-date>{followUp.localDate}</td>
                <td data-due-korea>{followUp.dueKorea}</td>
                <td>
                  <span className={`badge badge--${followUp.state}`}>{stateLabel(t, followUp.state)}</span>
                  {followUp.outcome && (
                    <>
                      {' '}
                      <span className="badge badge--outcome" title={followUp.note || undefined}>
                        {outcomeLabel(t, followUp.outcome)}
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="plan-followups__actions">
        <button
          type="button"
          onClick={() => void downloadCalendar()}
          disabled={calendar.state === 'working' || version === 0}
          aria-describedby="plan-calendar-hint"
          data-download-calendar
        >
          {calendar.state === 'working' ? t('followups.plan.calendarWorking') : t('followups.plan.downloadCalendar')}
        </button>{' '}
        <a href={hrefOf({ screen: 'followups' })}>{t('followups.plan.openList')}</a>
      </p>
      <p className="field__hint" id="plan-calendar-hint">
        {version === 0 ? t('followups.plan.calendarNeedsSave') : t('followups.plan.calendarHint')}
      </p>
      {calendar.state === 'failed' && (
        <p className="field__error" role="alert" data-calendar-error>
          {t('followups.plan.calendarFailed', { message: calendar.message })}
        </p>
      )}
    </section>
  );
}
