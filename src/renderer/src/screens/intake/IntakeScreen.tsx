// The intake form: one patient's identity, contact, trip, skin, screening, consents and photos. Errors show
// beside their fields and nothing is saved until all are fixed; every change is autosaved as a draft.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, ISSUE_MESSAGES, type IssuePath } from '../../../../shared/contract';
import { CLINIC_TIME_ZONE, todayIn } from '../../../../shared/domain/intake/calendar-date';
import { sensitiveDataConsentWithdrawn } from '../../../../shared/domain/rights/patient-rights';
import { useChannelMutation } from '../../api/channel-mutation';
import { channelQuery } from '../../api/channel-query';
import { readKey } from '../../api/query-keys';
import { ErrorReference, failureOf, useFailureText } from '../../components/ErrorReference';
import { LoadFailure } from '../../components/LoadFailure';
import { hrefOf, navigate } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AuditHistory } from '../patients/AuditHistory';
import { PatientRights } from '../patients/PatientRights';
import type { PatientRestriction } from '../../../../shared/contract/patients';
import { clearCreated, noteCreated, wasJustCreated } from './created-notice';
import { emptyForm, fieldOfIssue, formFromDraft, formToIntake, intakeToForm, type IntakeForm } from './intake-form';
import { ConsentsSection } from './sections/ConsentsSection';
import { ContactSection } from './sections/ContactSection';
import { IdentitySection } from './sections/IdentitySection';
import { PhotosSection } from './sections/PhotosSection';
import { ReferralSection } from './sections/ReferralSection';
import { ScreeningSection } from './sections/ScreeningSection';
import { SkinSection } from './sections/SkinSection';
import { TripSection } from './sections/TripSection';
import { useDraftAutosave } from './use-draft-autosave';
import { contractResolver } from '../../forms/contract-resolver';
import { countFieldErrors, setIssueErrors, useIssueText } from '../../forms/issue-errors';
import { useFocusFirstError } from '../../forms/use-focus-first-error';

const SECTIONS = ['identity', 'contact', 'trip', 'referral', 'skin', 'screening', 'consents', 'photos'] as const;

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'missing' }
  | {
      readonly state: 'ready';
      readonly version: number | null;
      readonly saved: IntakeForm;
      /** Set when a deletion request restricted the record: read-only, with its retention date. */
      readonly restriction?: PatientRestriction | null;
    };

/** An issue of the create and update channels sits under `patient`; the form field is named from the rest. */
const fieldOfPatientIssue = (path: IssuePath) => fieldOfIssue(path.slice(1));

// The create channel's own input schema: the screen refuses what the door would (update wraps the same patient).
const intakeResolver = contractResolver<IntakeForm>({
  schema: contract.createPatient.input,
  toInput: (form) => ({ patient: formToIntake(form) }),
  fieldOf: fieldOfPatientIssue,
});

export function IntakeScreen({ draftKey, patientId }: { readonly draftKey: string; readonly patientId: string | null }) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const { control, reset, getValues, setValue, setError, clearErrors, trigger, handleSubmit, subscribe, formState } = useForm<IntakeForm>({
    defaultValues: emptyForm(),
    resolver: intakeResolver,
    // Errors show from the first save on, then follow every change (trigger below), as a whole form: a change
    // of arrival can clear or raise the error on departure.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const form = useWatch({ control }) as IntakeForm;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const failureText = useFailureText();
  const issueText = useIssueText(formState.errors);
  const [banner, setBanner] = useState<{ kind: 'error' | 'ok'; text: string; reference?: string | undefined } | null>(() =>
    wasJustCreated(patientId) ? { kind: 'ok', text: t('intake.saved') } : null,
  );
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const formElement = useRef<HTMLFormElement>(null);
  const baseVersion = load.state === 'ready' ? load.version : null;
  const draft = useDraftAutosave(draftKey, baseVersion);
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const timeFormat = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });

  useEffect(() => {
    if (patientId) clearCreated(patientId);
  }, [patientId]);

  const queryClient = useQueryClient();
  // Opening the record is an audited read: once per opening of this screen (query-client's defaults), and again
  // only when a write invalidates it (a deletion request). A save updates it from the save's answer instead.
  const record = useQuery({ ...channelQuery('getPatient', { id: patientId ?? '' }), enabled: patientId !== null });
  const recordRead = patientId === null || record.isSuccess;
  const restrictedNow = record.data?.restriction ?? null;
  // The draft is read once per opening, after the record (a restricted record has no draft to offer).
  const stored = useQuery({
    ...channelQuery('getDraft', { key: draftKey }),
    enabled: recordRead && !restrictedNow,
    staleTime: Infinity,
    gcTime: 0,
  });
  const recordMissing = record.error?.error.code === 'not_found';
  const loadError = (!recordMissing ? record.error : null) ?? stored.error;
  const createPatient = useChannelMutation('createPatient', ['searchPatients', 'listDrafts']);
  const updatePatient = useChannelMutation('updatePatient', [
    'searchPatients',
    'listDrafts',
    'auditHistory',
    'listSessions',
    'listDueFollowUps',
  ]);
  const discardStoredDraft = useChannelMutation('discardDraft', ['listDrafts']);

  useEffect(() => {
    if (recordMissing) return setLoad({ state: 'missing' });
    if (!recordRead || (!restrictedNow && !stored.isSuccess)) return;
    const saved = record.data ? intakeToForm(record.data.patient) : emptyForm();
    const restriction: PatientRestriction | null = restrictedNow;
    const draftFound = restriction ? null : stored.data;
    if (draftFound) {
      reset(formFromDraft(draftFound.form));
      setRestoredAt(draftFound.savedAt);
    } else reset(saved);
    setLoad({ state: 'ready', version: record.data?.version ?? null, saved, restriction });
  }, [recordMissing, recordRead, restrictedNow, record.data, stored.isSuccess, stored.data, reset]);

  // Every change the coordinator makes is kept as a draft (a load's reset is not a change, so it writes none);
  // after a refused save the whole form is checked again, so fixed errors go and dependent ones follow.
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          if (name === undefined) return;
          draft.schedule(structuredClone(getValues()));
          if (formState.isSubmitted) void trigger();
        },
      }),
    [subscribe, getValues, draft, trigger, formState.isSubmitted],
  );

  /** The sections' way to change the form: each top-level field that changed is set in the form library. */
  const update = useCallback(
    (change: (form: IntakeForm) => IntakeForm) => {
      const previous = getValues();
      const next = change(previous);
      for (const key of Object.keys(next) as (keyof IntakeForm)[]) {
        if (next[key] !== previous[key]) setValue(key as FieldPath<IntakeForm>, next[key], { shouldDirty: true });
      }
    },
    [getValues, setValue],
  );

  const focusFirstError = useFocusFirstError(formElement, formState.submitCount);

  const save = async (values: IntakeForm) => {
    if (saving || load.state !== 'ready' || load.restriction) return;
    setSaving(true);
    const patient = formToIntake(values);
    const result = patientId
      ? await updatePatient.mutateAsync({ id: patientId, expectedVersion: load.version ?? 1, patient })
      : await createPatient.mutateAsync({ patient });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'invalid_input') {
        const count = setIssueErrors(setError, result.error.issues, fieldOfPatientIssue);
        setBanner({ kind: 'error', text: t('intake.errorsSummary', { count }) });
        return focusFirstError();
      }
      if (result.error.code === 'conflict') {
        await draft.flush();
        return setBanner({ kind: 'error', text: t('intake.conflict') });
      }
      const failure = failureOf(result.error);
      return setBanner({ kind: 'error', text: t('intake.failed', { message: failureText(failure) }), reference: failure.reference });
    }
    draft.cancel();
    await discardStoredDraft.mutateAsync({ key: draftKey });
    // The record as saved, without reading it again (a read would be logged as another opening).
    queryClient.setQueryData(readKey('getDraft', { key: draftKey }), null);
    if (patientId) queryClient.setQueryData(readKey('getPatient', { id: patientId }), result.value);
    setRestoredAt(null);
    setBanner({ kind: 'ok', text: t('intake.saved') });
    const saved = intakeToForm(result.value.patient);
    reset(saved);
    setLoad({ state: 'ready', version: result.value.version, saved });
    if (!patientId) {
      noteCreated(result.value.id);
      navigate({ screen: 'patient', id: result.value.id });
    }
  };

  const discard = async () => {
    setConfirmDiscard(false);
    draft.cancel();
    await discardStoredDraft.mutateAsync({ key: draftKey });
    queryClient.setQueryData(readKey('getDraft', { key: draftKey }), null);
    reset(load.state === 'ready' ? load.saved : emptyForm());
    clearErrors();
    setRestoredAt(null);
    setBanner(null);
  };

  const submit = handleSubmit(save, (errors) => {
    // Focus follows once the errors are on screen (useFocusFirstError, on the submit count).
    setBanner({ kind: 'error', text: t('intake.errorsSummary', { count: countFieldErrors(errors) }) });
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void submit();
      } else if (event.key === 'Escape' && !document.querySelector('dialog[open]')) {
        navigate({ screen: 'patients' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (load.state === 'loading' && loadError) {
    return (
      <section className="screen">
        <LoadFailure
          error={loadError}
          retrying={record.isFetching || stored.isFetching}
          onRetry={() => void (record.isError ? record.refetch() : stored.refetch())}
        />
        <a href="#/patients">{t('intake.back')}</a>
      </section>
    );
  }
  if (load.state === 'loading') return <p className="screen">{t('intake.loading')}</p>;
  if (load.state === 'missing') {
    return (
      <section className="screen">
        <p className="banner banner--error">{t('intake.notFound')}</p>
        <a href="#/patients">{t('intake.back')}</a>
      </section>
    );
  }

  const errorOf = issueText;
  const sectionProps = { form, update, errorOf };
  const restriction = load.restriction ?? null;
  const title = patientId ? `${t('intake.titleEdit')}: ${form.nativeName} · ${form.latinName}` : t('intake.titleNew');

  return (
    <section className="screen screen--intake" aria-labelledby="intake-title">
      <div className="screen__header screen__header--sticky">
        <a href="#/patients" className="back">
          ← {t('intake.back')}
        </a>
        <h1 id="intake-title" dir="auto">
          {title}
        </h1>
        <div className="topbar__spacer" />
        {patientId && (
          <a className="button" href={hrefOf({ screen: 'plan', id: patientId })} data-open-plan>
            {t('intake.plan')}
          </a>
        )}
        {patientId && (
          <a className="button" href={hrefOf({ screen: 'handouts', id: patientId })} data-open-handouts>
            {t('intake.handouts')}
          </a>
        )}
        <span className="draft-status" aria-live="polite" data-draft-state={draft.status.state}>
          {draft.status.state === 'saving' && t('intake.draftSaving')}
          {draft.status.state === 'saved' && t('intake.draftSaved', { time: timeFormat.format(new Date(draft.status.at)) })}
          {draft.status.state === 'failed' && t('intake.draftFailed')}
        </span>
        {(restoredAt || draft.status.state === 'saved') && (
          <button type="button" onClick={() => setConfirmDiscard(true)}>
            {t('intake.discardDraft')}
          </button>
        )}
        <button
          type="submit"
          form="intake-form"
          className="button--primary"
          disabled={saving || restriction !== null}
          aria-keyshortcuts="Control+S"
        >
          {saving ? t('intake.saving') : t('intake.save')}
        </button>
      </div>
      <div className="intake">
        <nav className="intake__nav" aria-label={t('intake.titleEdit')}>
          <ol>
            {SECTIONS.map((section) => (
              <li key={section}>
                <a
                  href={`#section-${section}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(`section-${section}`)?.scrollIntoView({ behavior: 'smooth' });
                    document.getElementById(`section-${section}-title`)?.focus();
                  }}
                >
                  {t(`intake.sections.${section}`)}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <form id="intake-form" ref={formElement} className="intake__form" noValidate onSubmit={(event) => void submit(event)}>
          {restriction && (
            <p className="banner banner--restricted" role="status" data-restricted-banner={restriction.retentionUntil}>
              {t('rights.restrictedBanner', { date: restriction.retentionUntil })}
            </p>
          )}
          {!restriction && sensitiveDataConsentWithdrawn(load.saved.consents) && (
            <p className="banner banner--restricted" role="status" data-consent-withdrawn-banner>
              {ISSUE_MESSAGES.consent_withdrawn[language]}
            </p>
          )}
          {restoredAt && (
            <p className="banner" role="status">
              {t('intake.draftRestored', { time: timeFormat.format(new Date(restoredAt)) })}
            </p>
          )}
          {banner && (
            <p className={`banner banner--${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} tabIndex={-1}>
              {banner.text}
              <ErrorReference reference={banner.reference} />
            </p>
          )}
          {/* A restricted record is read-only: every control of the sections is disabled at once. */}
          <fieldset className="intake__sections" disabled={restriction !== null}>
            <IdentitySection {...sectionProps} />
            <ContactSection {...sectionProps} />
            <TripSection {...sectionProps} />
            <ReferralSection {...sectionProps} />
            <SkinSection {...sectionProps} />
            <ScreeningSection {...sectionProps} />
            <ConsentsSection {...sectionProps} />
            <PhotosSection patientId={patientId} today={todayIn(CLINIC_TIME_ZONE, new Date())} />
          </fieldset>
          {patientId && <PatientRights patientId={patientId} restriction={restriction} />}
          {patientId && <AuditHistory patientId={patientId} />}
        </form>
      </div>
      <ConfirmDialog
        open={confirmDiscard}
        title={t('intake.discardConfirmTitle')}
        body={t('intake.discardConfirmBody')}
        confirmLabel={t('intake.discard')}
        cancelLabel={t('intake.cancel')}
        onCancel={() => setConfirmDiscard(false)}
        onConfirm={() => void discard()}
      />
    </section>
  );
}
