// The patient's rights (PIPA) on the patient screen: everything about the patient as one archive, and the deletion
// request, confirmed in a dialog that says what is erased now and what is kept, until when. A restricted record
// shows its banner on the intake screen (IntakeScreen), which also makes the form read-only.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type AppError } from '../../../../shared/contract';
import type { PatientRestriction } from '../../../../shared/contract/patients';
import { useChannelMutation } from '../../api/channel-mutation';
import { channelQuery } from '../../api/channel-query';
import { useClinicSettings } from '../../api/reads';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorReference, failureOf, useFailureText } from '../../components/ErrorReference';

export function PatientRights({ patientId, restriction }: { readonly patientId: string; readonly restriction: PatientRestriction | null }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.language === 'ko' ? 'ko' : 'en';
  const defaults = useQuery(channelQuery('defaultHandoutFolder', {}));
  const retentionYears = useClinicSettings().data?.retentionYears ?? 10;
  const [folder, setFolder] = useState('');
  const [folderSeeded, setFolderSeeded] = useState(false);
  // The archive's export is in the record's history; a deletion request restricts the record, which the intake
  // screen reads again (this one write is worth its audited read: the form turns read-only), and erases drafts.
  const exportPatientArchive = useChannelMutation('exportPatientArchive', ['auditHistory']);
  const requestPatientErasure = useChannelMutation('requestErasure', [
    'getPatient',
    'auditHistory',
    'searchPatients',
    'listDrafts',
    'listSessions',
    'listDueFollowUps',
  ]);
  const [folderError, setFolderError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; reference?: string | undefined } | null>(null);
  const failureText = useFailureText();
  const failed = (error: AppError) => {
    const failure = failureOf(error);
    setMessage({ kind: 'error', text: t('rights.failed', { message: failureText(failure) }), reference: failure.reference });
  };
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const folderId = useId();
  const reasonId = useId();

  // The folder starts as the default (the coordinator's Documents) once it is known, then is theirs to change.
  if (defaults.data && !folderSeeded) {
    setFolderSeeded(true);
    setFolder(defaults.data.folder);
  }

  const exportArchive = async () => {
    setBusy(true);
    setMessage(null);
    const result = await exportPatientArchive.mutateAsync({ patientId, folder });
    setBusy(false);
    if (result.ok)
      return setMessage({ kind: 'ok', text: t('rights.exported', { path: result.value.path, count: result.value.entries.length }) });
    const folderIssue = result.error.issues.find((found) => found.path[0] === 'folder');
    if (folderIssue) setFolderError(ISSUE_MESSAGES[folderIssue.code][uiLanguage]);
    else failed(result.error);
  };

  const requestErasure = async () => {
    setConfirming(false);
    setBusy(true);
    const result = await requestPatientErasure.mutateAsync({ patientId, reason });
    setBusy(false);
    if (!result.ok) return failed(result.error);
    setMessage({ kind: 'ok', text: t('rights.requested', { date: result.value.retentionUntil }) });
  };

  return (
    <section className="form-section patient-rights" id="section-rights" aria-labelledby="section-rights-title" data-patient-rights>
      <h2 id="section-rights-title">{t('rights.title')}</h2>
      <p className="hint">{t('rights.intro')}</p>
      <div className="field field--wide">
        <label htmlFor={folderId}>{t('rights.folder')}</label>
        <input
          id={folderId}
          value={folder}
          aria-invalid={folderError ? true : undefined}
          aria-describedby={folderError ? `${folderId}-error` : undefined}
          onChange={(event) => {
            setFolder(event.target.value);
            setFolderError(undefined);
          }}
          data-archive-folder
        />
        {folderError && (
          <p className="field__error" id={`${folderId}-error`}>
            {folderError}
          </p>
        )}
      </div>
      <div className="patient-rights__actions">
        <button type="button" onClick={() => void exportArchive()} disabled={busy} data-export-archive>
          {t('rights.exportArchive')}
        </button>
        {!restriction && (
          <button type="button" className="button--danger" onClick={() => setConfirming(true)} disabled={busy} data-request-erasure>
            {t('rights.requestErasure')}
          </button>
        )}
      </div>
      {message && (
        <p className={`banner banner--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-rights-message>
          {message.text}
          <ErrorReference reference={message.reference} />
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('rights.confirmTitle')}
        body={t('rights.confirmBody')}
        confirmLabel={t('rights.confirm')}
        cancelLabel={t('intake.cancel')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void requestErasure()}
      >
        <p>
          <strong>{t('rights.erasedNowTitle')}</strong> {t('rights.erasedNow')}
        </p>
        <p>
          <strong>{t('rights.keptTitle')}</strong> {t('rights.kept', { years: retentionYears })}
        </p>
        <div className="field field--wide">
          <label htmlFor={reasonId}>{t('rights.reason')}</label>
          <input id={reasonId} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} data-erasure-reason />
        </div>
      </ConfirmDialog>
    </section>
  );
}
