// The week's sessions across all patients: seven columns, Monday to Sunday (Korea time), each session a card with
// its time, room, patient, treatment, status, its open findings (the plan's checks for that session), and any
// time conflict with the same patient's other sessions or with another session in the same room; and what
// became of it: done (with the doctor's record and photos per angle from the patient's photo store), no-show or
// cancelled. Moving a session is done on the plan screen.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SessionListing } from '../../../../shared/contract/plans';
import type { TreatmentId } from '../../../../shared/domain/catalog/catalog-schema';
import { addDays, CLINIC_TIME_ZONE, todayIn } from '../../../../shared/domain/intake/calendar-date';
import type { SessionStatus } from '../../../../shared/domain/plan/plan-schema';
import { ISSUE_MESSAGES, type IssueCode } from '../../../../shared/contract';
import { PHOTO_ANGLES, type PhotoAngle } from '../../../../shared/domain/intake/vocabulary';
import { photoLabel } from '../followups/followup-text';
import { isoWeekday } from '../../../../shared/domain/schedule/clinic-hours';
import { useChannelMutation } from '../../api/channel-mutation';
import { channelQuery } from '../../api/channel-query';
import { channelKey } from '../../api/query-keys';
import { useCatalog, usePatientPhotos } from '../../api/reads';
import { ErrorReference, failureOf, useFailureText, type Failure } from '../../components/ErrorReference';
import { LoadFailure } from '../../components/LoadFailure';
import { hrefOf } from '../../app/routes';
import { Field } from '../../components/Field';
import { contract } from '../../../../shared/contract';
import { contractResolver } from '../../forms/contract-resolver';
import { setIssueErrors, useIssueText } from '../../forms/issue-errors';
import { useFocusFirstError } from '../../forms/use-focus-first-error';
import { doneInput, emptyDoneForm, fieldOfDoneIssue, SETTING_FIELDS, sessionOf, type DoneForm } from './done-record-form';

type Banner = { readonly kind: 'ok' | 'error'; readonly text: string; readonly reference?: string | undefined };

export function statusLabel(t: TFunction, status: SessionStatus): string {
  return t(`week.status.${status}`);
}

function dayLabel(t: TFunction, weekday: number): string {
  const labels = [
    t('week.days.1'),
    t('week.days.2'),
    t('week.days.3'),
    t('week.days.4'),
    t('week.days.5'),
    t('week.days.6'),
    t('week.days.7'),
  ];
  return labels[weekday - 1]!;
}

/** The services' refusals to mark a session done: shown beside the control, not as a failure of the screen. */
const DONE_REFUSALS: ReadonlySet<IssueCode> = new Set<IssueCode>(['session_not_dated', 'session_in_future']);

const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));
const sessionKey = (session: SessionListing) => `${session.patientId}:${session.index}`;

export function WeekScreen() {
  const { t, i18n } = useTranslation();
  const failureText = useFailureText();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const today = todayIn(CLINIC_TIME_ZONE, new Date());
  const [monday, setMonday] = useState(() => mondayOf(today));
  const queryClient = useQueryClient();
  // One read per week shown; a change of status invalidates it (the card's own mutation), so it is read again.
  const week = useQuery(channelQuery('listSessions', { from: monday, to: addDays(monday, 6) }));
  const catalog = useCatalog().data ?? null;
  const [banner, setBanner] = useState<Banner | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const days = Array.from({ length: 7 }, (_, offset) => addDays(monday, offset));

  const treatmentName = useCallback(
    (id: TreatmentId) => catalog?.find((treatment) => treatment.id === id)?.names[language] ?? id,
    [catalog, language],
  );

  const changeWeek = (weeks: number) => {
    setMonday((previous) => addDays(previous, 7 * weeks));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const typing = target.closest('input, textarea, select') !== null;
    if (event.key === 'PageUp' || event.key === 'PageDown') {
      event.preventDefault();
      changeWeek(event.key === 'PageUp' ? -1 : 1);
      return;
    }
    if (typing || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key) || !grid.current) return;
    // Arrow keys move between the sessions' patient links: up and down within a day, left and right across days.
    const columns = [...grid.current.querySelectorAll<HTMLElement>('[data-week-day]')];
    const links = (column: HTMLElement) => [...column.querySelectorAll<HTMLElement>('[data-session-link]')];
    const column = target.closest<HTMLElement>('[data-week-day]');
    if (!column) return;
    const dayIndex = columns.indexOf(column);
    const card = target.closest('[data-session-card]');
    const inColumn = links(column);
    const position = card ? inColumn.findIndex((link) => card.contains(link)) : -1;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      next = inColumn[Math.max(0, Math.min(inColumn.length - 1, position + (event.key === 'ArrowDown' ? 1 : -1)))];
    } else {
      const step = (event.key === 'ArrowRight') === (document.dir !== 'rtl') ? 1 : -1;
      for (let index = dayIndex + step; index >= 0 && index < columns.length && !next; index += step) {
        const candidates = links(columns[index]!);
        next = candidates[Math.min(Math.max(position, 0), candidates.length - 1)];
      }
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  const saved = (session: SessionListing, status: SessionStatus) => {
    setBanner({
      kind: 'ok',
      text: t('week.saved', { name: session.latinName, treatment: treatmentName(session.treatment), status: statusLabel(t, status) }),
    });
  };

  return (
    <section className="screen screen--week" aria-labelledby="week-title" onKeyDown={onKeyDown}>
      <div className="screen__header">
        <h1 id="week-title">{t('week.title')}</h1>
        <span className="week__range" data-week-range>
          {t('week.range', { from: days[0], to: days[6] })}
        </span>
        <div className="topbar__spacer" />
        <button type="button" onClick={() => changeWeek(-1)} data-week-previous>
          {t('week.previous')}
        </button>
        <button type="button" onClick={() => setMonday(mondayOf(today))} disabled={monday === mondayOf(today)} data-week-current>
          {t('week.thisWeek')}
        </button>
        <button type="button" onClick={() => changeWeek(1)} data-week-next>
          {t('week.next')}
        </button>
      </div>
      <p className="screen__intro">{t('week.intro')}</p>
      <p className="field__hint">{t('week.keyboardHint')}</p>
      {banner && (
        <p className={`banner banner--${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-week-banner={banner.kind}>
          {banner.text}
          <ErrorReference reference={banner.reference} />
        </p>
      )}
      {week.isPending && <p>{t('week.loading')}</p>}
      {week.isError && <LoadFailure error={week.error} onRetry={() => void week.refetch()} retrying={week.isFetching} />}
      {week.isSuccess && (
        <div className="week" ref={grid} data-week-ready={monday}>
          {days.map((date) => {
            const sessions = week.data.filter((session) => session.date === date);
            const headingId = `week-day-${date}`;
            return (
              <section
                key={date}
                className={`week__day${date === today ? ' week__day--today' : ''}`}
                aria-labelledby={headingId}
                data-week-day={date}
              >
                <h2 id={headingId} className="week__day-title">
                  <span>{dayLabel(t, isoWeekday(date))}</span> <span className="week__date">{date.slice(5)}</span>
                  {date === today && <span className="badge badge--info">{t('week.today')}</span>}
                </h2>
                {sessions.length === 0 ? (
                  <p className="week__empty">{t('week.noSessions')}</p>
                ) : (
                  <ul className="week__sessions" aria-label={t('week.sessionCount', { count: sessions.length })}>
                    {sessions.map((session) => (
                      <SessionCard
                        key={sessionKey(session)}
                        session={session}
                        others={week.data.filter((other) => other.patientId === session.patientId)}
                        roomOthers={week.data.filter((other) =>
                          session.roomConflicts.some((clash) => clash.patientId === other.patientId && clash.index === other.index),
                        )}
                        treatmentName={treatmentName}
                        onSaved={(status) => saved(session, status)}
                        onFailed={(failure) => {
                          setBanner({
                            kind: 'error',
                            text: t('week.saveFailed', { message: failureText(failure) }),
                            reference: failure.reference,
                          });
                          // Refused (another coordinator changed the plan, say): the week as it now is.
                          void queryClient.invalidateQueries({ queryKey: channelKey('listSessions') });
                        }}
                      />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

function SessionCard({
  session,
  others,
  roomOthers,
  treatmentName,
  onSaved,
  onFailed,
}: {
  readonly session: SessionListing;
  readonly others: readonly SessionListing[];
  /** The other sessions (any patient) in this session's room at the same time. */
  readonly roomOthers: readonly SessionListing[];
  readonly treatmentName: (id: TreatmentId) => string;
  readonly onSaved: (status: SessionStatus) => void;
  readonly onFailed: (failure: Failure) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const [formOpen, setFormOpen] = useState(false);
  const [findingsOpen, setFindingsOpen] = useState(false);
  const findingsId = `${`session-${session.patientId}-${session.index}`}-findings`;
  const blocks = session.findings.filter((finding) => finding.severity === 'block').length;
  const settingFields = SETTING_FIELDS.map((field) => ({ ...field, label: t(`week.${field.name}`) }));
  const recordPhotos = Object.entries(session.record?.photos ?? {}) as [PhotoAngle, string][];
  const needPhotos = formOpen || recordPhotos.length > 0;
  /** The patient's stored photos, read when the form opens or the record has photos: once per patient, shared by
   * all of that patient's cards (each read decrypts every thumbnail). */
  const photos = usePatientPhotos(session.patientId, needPhotos).data ?? null;
  // Every week is shown with the sessions it holds now: a status saved invalidates the weeks read.
  const setSessionStatus = useChannelMutation('setSessionStatus', ['listSessions']);
  const [saving, setSaving] = useState(false);
  // The channel's own schema, for this session (its ids and version are part of the input, not of the form).
  const resolver = useMemo(
    () =>
      contractResolver<DoneForm>({
        schema: contract.setSessionStatus.input,
        toInput: (form) => doneInput(session, form),
        fieldOf: fieldOfDoneIssue,
      }),
    [session],
  );
  const doneForm = useForm<DoneForm>({ defaultValues: emptyDoneForm(), resolver, shouldFocusError: false });
  const { errors } = doneForm.formState;
  const issueText = useIssueText(errors);
  /** Why the services refused to mark the session done (no date, or not yet come in Korea), said beside Save. */
  const doneRefusal = errors.root?.doneRefusal?.message as IssueCode | undefined;
  const chosenPhotos = doneForm.watch('photos');
  const formElement = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formElement, doneForm.formState.submitCount);
  const saveButton = useRef<HTMLButtonElement>(null);
  const refusalId = `session-${session.patientId}-${session.index}-done-refusal`;
  const treatment = treatmentName(session.treatment);
  const titleId = `session-${session.patientId}-${session.index}`;
  const conflicting = others.filter((other) => session.conflicts.includes(other.index));

  useEffect(() => {
    if (formOpen) doneForm.setFocus('doctor');
  }, [formOpen, doneForm]);

  const setStatus = async (status: SessionStatus, form?: DoneForm) => {
    if (saving) return;
    setSaving(true);
    const result = await setSessionStatus.mutateAsync(
      status === 'done' && form ? doneInput(session, form) : { ...sessionOf(session), status },
    );
    setSaving(false);
    if (!result.ok) {
      // A record's field refused (a photo gone from the store, or of another angle) is said beside its field; the
      // form stays open.
      const recordIssues = result.error.issues.filter((found) => found.path[0] === 'record');
      if (status === 'done' && setIssueErrors(doneForm.setError, recordIssues, fieldOfDoneIssue) > 0) return focusFirstError();
      // Not done yet (its date or time has not come, or it has none): said beside Save, with the form and all
      // that was typed in it kept, to save once the session has taken place.
      const notYet = result.error.issues.find((found) => found.path[0] === 'status' && DONE_REFUSALS.has(found.code));
      if (notYet && status === 'done') {
        doneForm.setError('root.doneRefusal', { type: 'server', message: notYet.code });
        window.requestAnimationFrame(() => saveButton.current?.focus());
        return;
      }
      return onFailed(failureOf(result.error));
    }
    setFormOpen(false);
    onSaved(status);
  };
  const submitDone = doneForm.handleSubmit((form) => setStatus('done', form));

  return (
    <li
      className={`week-session week-session--${session.status}${session.conflicts.length > 0 || session.roomConflicts.length > 0 ? ' week-session--conflict' : ''}`}
      data-session-card={`${session.patientId}:${session.index}`}
      data-patient-id={session.patientId}
      data-index={session.index}
      data-status={session.status}
      aria-labelledby={titleId}
    >
      <div className="week-session__head">
        <span className="week-session__time" data-session-time>
          {session.time ?? t('week.untimed')}
        </span>
        <span className="week-session__minutes">{t('week.minutes', { minutes: session.minutes })}</span>
        {session.room && (
          <span className="week-session__room" data-session-room>
            {t('week.room', { room: session.room })}
          </span>
        )}
      </div>
      <h3 id={titleId} className="week-session__title">
        <a href={hrefOf({ screen: 'patient', id: session.patientId })} data-session-link>
          <span dir="auto">{session.nativeName}</span> · {session.latinName}
        </a>
      </h3>
      <p className="week-session__treatment" data-session-treatment>
        {treatment}
      </p>
      <p className="week-session__badges">
        <span className={`badge badge--session-${session.status}`} data-status-badge>
          {statusLabel(t, session.status)}
        </span>{' '}
        {session.conflicts.length > 0 && (
          <span
            className="badge badge--block"
            data-conflict-badge
            title={t('week.conflictWith', { treatments: conflicting.map((other) => treatmentName(other.treatment)).join(', ') })}
          >
            {t('week.conflict')}
          </span>
        )}{' '}
        {session.roomConflicts.length > 0 && (
          <span className="badge badge--block" data-room-conflict-badge>
            {t('week.roomConflict')}
          </span>
        )}{' '}
        {session.findings.length > 0 && (
          <button
            type="button"
            className={`badge badge--button badge--${blocks > 0 ? 'block' : 'caution'}`}
            aria-expanded={findingsOpen}
            aria-controls={findingsId}
            title={session.findings.map((finding) => finding.message[language]).join('\n')}
            onClick={() => setFindingsOpen((open) => !open)}
            data-findings-badge={session.findings.length}
          >
            {t('week.findings', { count: session.findings.length })}
          </button>
        )}
      </p>
      {session.findings.length > 0 && findingsOpen && (
        <ul className="week-session__findings" id={findingsId} data-session-findings>
          {session.findings.map((finding, at) => (
            <li
              key={`${finding.rule}-${at}`}
              className={`week-session__finding week-session__finding--${finding.severity}`}
              data-finding-rule={finding.rule}
            >
              <span className="visually-hidden">{t(`week.severity.${finding.severity}`)}: </span>
              {finding.message[language]}
              {finding.acknowledgedBy && (
                <span className="week-session__ack"> · {t('week.acknowledgedBy', { doctor: finding.acknowledgedBy })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {session.conflicts.length > 0 && (
        <p className="week-session__note" data-conflict-detail>
          {t('week.conflictWith', {
            treatments: conflicting.map((other) => `${other.time ?? ''} ${treatmentName(other.treatment)}`.trim()).join(', '),
          })}
        </p>
      )}
      {session.roomConflicts.length > 0 && (
        <p className="week-session__note" data-room-conflict-detail>
          {t('week.roomConflictWith', {
            room: session.room ?? '',
            sessions: roomOthers
              .map((other) => `${other.time ?? ''} ${other.latinName} (${treatmentName(other.treatment)})`.trim())
              .join(', '),
          })}
        </p>
      )}
      {session.record && (
        <p className="week-session__note" data-session-record>
          {t('week.recordedBy', { doctor: session.record.doctor })}
          {session.record.device && ` · ${session.record.device}`}
        </p>
      )}
      {recordPhotos.length > 0 && (
        <ul className="week-session__record-photos" aria-label={t('week.recordPhotos')} data-record-photos>
          {PHOTO_ANGLES.filter((angle) => session.record?.photos?.[angle]).map((angle) => {
            const photo = photos?.find((stored) => stored.id === session.record?.photos?.[angle]);
            return (
              <li key={angle} data-record-photo={angle}>
                {photo && (
                  <img src={photo.thumbnailDataUrl} alt={t('week.photoAlt', { angle: photoLabel(t, angle), date: photo.visitDate })} />
                )}
                <span>{photoLabel(t, angle)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="week-session__actions" role="group" aria-label={t('week.actionsFor', { treatment, name: session.latinName })}>
        {session.status !== 'done' && (
          <button
            type="button"
            aria-expanded={formOpen}
            aria-describedby={doneRefusal && formOpen ? refusalId : undefined}
            onClick={() => setFormOpen((open) => !open)}
            data-mark="done"
          >
            {t('week.markDone')}
          </button>
        )}
        {session.status !== 'no_show' && (
          <button type="button" disabled={saving} onClick={() => void setStatus('no_show')} data-mark="no_show">
            {t('week.markNoShow')}
          </button>
        )}
        {session.status !== 'cancelled' && (
          <button type="button" disabled={saving} onClick={() => void setStatus('cancelled')} data-mark="cancelled">
            {t('week.markCancelled')}
          </button>
        )}
        {session.status !== 'scheduled' && (
          <button type="button" disabled={saving} onClick={() => void setStatus('scheduled')} data-mark="scheduled">
            {t('week.markScheduled')}
          </button>
        )}
      </div>
      {formOpen && (
        <form
          className="week-session__form"
          aria-label={t('week.recordFor', { treatment, name: session.latinName })}
          noValidate
          ref={formElement}
          onSubmit={(event) => void submitDone(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setFormOpen(false);
          }}
        >
          <Field
            name="doctor"
            label={t('week.doctor')}
            error={errors.doctor?.message === 'required' ? t('week.doctorRequired') : issueText('doctor')}
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="text"
                maxLength={120}
                required
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                {...doneForm.register('doctor')}
              />
            )}
          </Field>
          <Field name="device" label={t('week.device')} error={issueText('device')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="text"
                maxLength={120}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                {...doneForm.register('device')}
              />
            )}
          </Field>
          {settingFields.map(({ name, label }) => (
            <Field key={name} name={name} label={label} error={issueText(name)}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  type="text"
                  maxLength={200}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  {...doneForm.register(name)}
                />
              )}
            </Field>
          ))}
          <fieldset className="week-session__photos">
            <legend>{t('week.photos')}</legend>
            {photos !== null && photos.length === 0 && <p className="field__hint">{t('week.noPhotosStored')}</p>}
            {PHOTO_ANGLES.map((angle) => {
              const options = (photos ?? []).filter((photo) => photo.angle === angle);
              const chosen = options.find((photo) => photo.id === chosenPhotos[angle]);
              return (
                <Field key={angle} name={`photo-${angle}`} label={photoLabel(t, angle)} error={issueText(`photos.${angle}`)}>
                  {({ id, describedBy, invalid }) => (
                    <div className="week-session__photo-pick">
                      <select
                        id={id}
                        aria-describedby={describedBy}
                        aria-invalid={invalid || undefined}
                        value={chosenPhotos[angle]}
                        onChange={(event) => {
                          doneForm.setValue(`photos.${angle}`, event.target.value, { shouldDirty: true });
                          doneForm.clearErrors(`photos.${angle}`);
                        }}
                        name={`photo-${angle}`}
                      >
                        <option value="">{t('week.noPhoto')}</option>
                        {options.map((photo, at) => (
                          <option key={photo.id} value={photo.id}>
                            {t('week.photoOption', { date: photo.visitDate, n: at + 1 })}
                          </option>
                        ))}
                      </select>
                      {chosen && (
                        <img
                          className="week-session__thumb"
                          src={chosen.thumbnailDataUrl}
                          alt={t('week.photoAlt', { angle: photoLabel(t, angle), date: chosen.visitDate })}
                        />
                      )}
                    </div>
                  )}
                </Field>
              );
            })}
          </fieldset>
          <Field name="notes" label={t('week.notes')} error={issueText('notes')}>
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                maxLength={2000}
                rows={2}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                {...doneForm.register('notes')}
              />
            )}
          </Field>
          <div className="week-session__form-actions">
            <button
              type="submit"
              ref={saveButton}
              className="button--primary"
              disabled={saving}
              aria-describedby={doneRefusal ? refusalId : undefined}
              data-save-done
            >
              {saving ? t('week.saving') : t('week.save')}
            </button>
            <button type="button" onClick={() => setFormOpen(false)}>
              {t('week.cancel')}
            </button>
          </div>
          {doneRefusal && (
            <p className="field__error" id={refusalId} role="alert" data-error-for="status" data-refusal={doneRefusal}>
              {ISSUE_MESSAGES[doneRefusal][language]}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
