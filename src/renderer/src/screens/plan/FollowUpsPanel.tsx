// The follow-ups after the flight home that the saved plan made for this patient: step, the patient's local due
// date, the same instant in Korea time, and where each stands. Read again whenever the plan is saved.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientFollowUp } from '../../../../shared/contract/followups';
import { api } from '../../api/client';
import { hrefOf } from '../../app/routes';
import { outcomeLabel, stateLabel, stepLabel } from '../followups/followup-text';

export function FollowUpsPanel({ patientId, version }: { readonly patientId: string; readonly version: number }) {
  const { t } = useTranslation();
  const [followUps, setFollowUps] = useState<readonly PatientFollowUp[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void api.listPatientFollowUps({ patientId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setFollowUps(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [patientId, version]);

  return (
    <section className="panel plan-followups no-print" aria-labelledby="plan-followups-title" data-plan-followups data-version={version}>
      <h2 id="plan-followups-title">{t('followups.plan.title')}</h2>
      {error && (
        <p className="banner banner--error" role="alert">
          {t('followups.loadFailed', { message: error })}
        </p>
      )}
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
              <tr key={followUp.id} data-followup-id={followUp.id} data-step={followUp.step} data-state={followUp.state} data-outcome={followUp.outcome ?? ''}>
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
      <p>
        <a href={hrefOf({ screen: 'followups' })}>{t('followups.plan.openList')}</a>
      </p>
    </section>
  );
}
