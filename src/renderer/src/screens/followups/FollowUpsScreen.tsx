// The follow-ups after the flight home that are due or overdue now, across all patients: who, which step, for
// which treatments, when on the patient's clock and in Korea time, what to ask and which photos to request, and a
// form to record what came of it. Photos received or done close a follow-up; a concern keeps it here, flagged.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_OUTCOMES, type DueFollowUp, type FollowUpOutcome } from '../../../../shared/contract/followups';
import type { TreatmentId } from '../../../../shared/domain/catalog/catalog-schema';
import type { OutputOf } from '../../../../shared/contract';
import { useChannelMutation } from '../../api/channel-mutation';
import { channelQuery } from '../../api/channel-query';
import { useCatalog, useClinicSettings } from '../../api/reads';
import { ErrorReference, failureOf, useFailureText, type Failure } from '../../components/ErrorReference';
import { LoadFailure } from '../../components/LoadFailure';
import { FollowUpMessage } from './FollowUpMessage';
import { hrefOf } from '../../app/routes';
import { Field } from '../../components/Field';
import { outcomeLabel, patientClock, photoLabel, stateLabel, stepLabel } from './followup-text';
import { contract } from '../../../../shared/contract';
import { contractResolver } from '../../forms/contract-resolver';
import { setIssueErrors, useIssueText } from '../../forms/issue-errors';
import { useFocusFirstError } from '../../forms/use-focus-first-error';

/** The outcome form as chosen: '' until an outcome is picked (the channel's schema then says "Required"). */
interface OutcomeForm {
  outcome: FollowUpOutcome | '';
  note: string;
}

interface DueListing {
  readonly followUps: readonly DueFollowUp[];
  readonly truncated: boolean;
  /** Outcomes already recorded on open follow-ups (a concern raised), by follow-up id. */
  readonly outcomes: ReadonlyMap<string, { readonly outcome: FollowUpOutcome; readonly note: string }>;
}

type Banner =
  { readonly kind: 'ok'; readonly name: string; readonly outcome: FollowUpOutcome } | { readonly kind: 'error'; readonly failure: Failure };

function dueListing({ followUps, truncated }: OutputOf<'listDueFollowUps'>): DueListing {
  const outcomes = new Map<string, { outcome: FollowUpOutcome; note: string }>();
  for (const followUp of followUps) if (followUp.outcome) outcomes.set(followUp.id, { outcome: followUp.outcome, note: followUp.note });
  return { followUps, truncated, outcomes };
}

export function FollowUpsScreen() {
  const { t, i18n } = useTranslation();
  const failureText = useFailureText();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  // What is due depends on the hour: read at each opening of the screen, after each outcome, and on Refresh.
  const due = useQuery({ ...channelQuery('listDueFollowUps', { limit: 500 }), select: dueListing });
  const catalog = useCatalog().data ?? null;
  const clinicName = useClinicSettings().data?.clinicName ?? '';
  const [banner, setBanner] = useState<Banner | null>(null);
  const load = due.data;
  const bannerElement = useRef<HTMLParagraphElement>(null);
  const [focusBanner, setFocusBanner] = useState(0);

  useEffect(() => {
    if (focusBanner > 0) bannerElement.current?.focus();
  }, [focusBanner]);

  const treatmentName = (id: TreatmentId) => catalog?.find((treatment) => treatment.id === id)?.names[language] ?? id;

  const recorded = useCallback((next: Banner) => {
    // The list is read again by the outcome's invalidation.
    setBanner(next);
    // The row may be gone; the banner says what happened and takes the focus so the keyboard is not lost.
    setFocusBanner((count) => count + 1);
  }, []);

  return (
    <section className="screen screen--followups" aria-labelledby="followups-title">
      <div className="screen__header">
        <h1 id="followups-title">{t('followups.title')}</h1>
        <div className="topbar__spacer" />
        <button type="button" onClick={() => void due.refetch()} data-refresh-followups>
          {t('followups.refresh')}
        </button>
      </div>
      <p className="screen__intro">{t('followups.intro')}</p>
      {banner && (
        <p
          ref={bannerElement}
          tabIndex={-1}
          className={`banner banner--${banner.kind}`}
          role={banner.kind === 'error' ? 'alert' : 'status'}
          data-followups-banner={banner.kind}
        >
          {banner.kind === 'ok'
            ? t('followups.recorded', { name: banner.name, outcome: outcomeLabel(t, banner.outcome) })
            : t('followups.recordFailed', { message: failureText(banner.failure) })}
          {banner.kind === 'error' && <ErrorReference reference={banner.failure.reference} />}
        </p>
      )}
      {due.isPending && <p>{t('followups.loading')}</p>}
      {due.isError && <LoadFailure error={due.error} onRetry={() => void due.refetch()} retrying={due.isFetching} />}
      {load && load.followUps.length === 0 && (
        <p className="empty" data-followups-empty>
          {t('followups.empty')}
        </p>
      )}
      {load && load.followUps.length > 0 && (
        <ul className="followups" aria-labelledby="followups-title">
          {load.followUps.map((followUp) => (
            <FollowUpItem
              key={followUp.id}
              followUp={followUp}
              recorded={load.outcomes.get(followUp.id) ?? null}
              language={language}
              treatmentName={treatmentName}
              clinicName={clinicName}
              onRecorded={(outcome) => recorded({ kind: 'ok', name: followUp.latinName, outcome })}
              onFailed={(failure) => {
                setBanner({ kind: 'error', failure });
                setFocusBanner((count) => count + 1);
              }}
            />
          ))}
        </ul>
      )}
      {load?.truncated && <p className="field__hint">{t('followups.truncated', { count: load.followUps.length })}</p>}
    </section>
  );
}

function FollowUpItem({
  followUp,
  recorded,
  language,
  treatmentName,
  onRecorded,
  onFailed,
  clinicName,
}: {
  readonly followUp: DueFollowUp;
  readonly recorded: { readonly outcome: FollowUpOutcome; readonly note: string } | null;
  readonly language: 'ko' | 'en';
  readonly treatmentName: (id: TreatmentId) => string;
  readonly onRecorded: (outcome: FollowUpOutcome) => void;
  readonly onFailed: (failure: Failure) => void;
  readonly clinicName: string;
}) {
  const { t } = useTranslation();
  // The channel's own schema, for this follow-up (its id is part of the input, not of the form).
  const resolver = useMemo(
    () =>
      contractResolver<OutcomeForm>({
        schema: contract.recordFollowUpOutcome.input,
        toInput: ({ outcome, note }) => ({ id: followUp.id, outcome: outcome === '' ? undefined : outcome, note }),
      }),
    [followUp.id],
  );
  const { register, handleSubmit, reset, setError, formState } = useForm<OutcomeForm>({
    defaultValues: { outcome: '', note: '' },
    resolver,
    shouldFocusError: false,
  });
  const issueText = useIssueText(formState.errors);
  const formElement = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formElement, formState.submitCount);
  // No outcome chosen says what to do rather than "Required".
  const errorOf = (field: keyof OutcomeForm) =>
    field === 'outcome' && formState.errors.outcome?.message === 'required' ? t('followups.outcomeRequired') : issueText(field);
  const step = stepLabel(t, followUp.step);
  const titleId = `followup-${followUp.id}-title`;
  const outcome = recorded?.outcome ?? null;
  // The due list and the patient's own follow-ups (plan screen) change with an outcome.
  const recordOutcome = useChannelMutation('recordFollowUpOutcome', ['listDueFollowUps', 'listPatientFollowUps']);

  const record = handleSubmit(async ({ outcome: choice, note }) => {
    if (choice === '') return;
    const result = await recordOutcome.mutateAsync({ id: followUp.id, outcome: choice, note });
    if (!result.ok) {
      if (result.error.code === 'invalid_input' && setIssueErrors(setError, result.error.issues) > 0) return focusFirstError();
      return onFailed(failureOf(result.error));
    }
    reset();
    onRecorded(choice);
  });

  return (
    <li
      className={`followup followup--${followUp.state}${outcome ? ' followup--flagged' : ''}`}
      data-followup-id={followUp.id}
      data-patient-id={followUp.patientId}
      data-step={followUp.step}
      data-state={followUp.state}
      data-outcome={outcome ?? ''}
      aria-labelledby={titleId}
    >
      <div className="followup__head">
        <span className={`badge badge--${followUp.state}`} data-state-badge>
          {stateLabel(t, followUp.state)}
        </span>
        {outcome && (
          <span className="badge badge--flagged" data-outcome-badge={outcome}>
            {t('followups.flagged')}: {outcomeLabel(t, outcome)}
          </span>
        )}
        <h2 id={titleId} className="followup__title">
          <a href={hrefOf({ screen: 'patient', id: followUp.patientId })}>
            <span dir="auto">{followUp.nativeName}</span> · {followUp.latinName}
          </a>
          <span className="followup__step" data-step-label>
            {step}
          </span>
        </h2>
      </div>
      <dl className="followup__facts">
        <div>
          <dt>{t('followups.treatments')}</dt>
          <dd data-treatments>{followUp.treatments.map(treatmentName).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('followups.dueLocal')}</dt>
          <dd data-due-local>{patientClock(followUp.dueAt, followUp.homeTimeZone)}</dd>
        </div>
        <div>
          <dt>{t('followups.dueKorea')}</dt>
          <dd data-due-korea>{followUp.dueKorea}</dd>
        </div>
        <div className="followup__ask">
          <dt>{t('followups.ask')}</dt>
          <dd data-ask lang={language}>
            {followUp.ask[language]}
          </dd>
        </div>
        <div>
          <dt>{t('followups.photos')}</dt>
          <dd data-photos>
            {followUp.photos.length > 0 ? followUp.photos.map((angle) => photoLabel(t, angle)).join(' · ') : t('followups.noPhotos')}
          </dd>
        </div>
        {recorded?.note && (
          <div className="followup__ask">
            <dt>{t('followups.note')}</dt>
            <dd data-recorded-note dir="auto">
              {recorded.note}
            </dd>
          </div>
        )}
      </dl>
      <FollowUpMessage followUp={followUp} clinicName={clinicName} />
      <form
        className="followup__form"
        aria-label={t('followups.recordFor', { step, name: followUp.latinName })}
        noValidate
        ref={formElement}
        onSubmit={(event) => void record(event)}
      >
        <Field name="outcome" label={t('followups.outcome')} error={errorOf('outcome')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...register('outcome')}>
              <option value="">{t('followups.chooseOutcome')}</option>
              {FOLLOW_UP_OUTCOMES.map((value) => (
                <option key={value} value={value}>
                  {outcomeLabel(t, value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="note" label={t('followups.note')} error={errorOf('note')} wide>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="text"
              maxLength={2000}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...register('note')}
            />
          )}
        </Field>
        <button type="submit" className="button--primary" disabled={formState.isSubmitting} data-record-outcome>
          {formState.isSubmitting ? t('followups.recording') : t('followups.record')}
        </button>
      </form>
    </li>
  );
}
