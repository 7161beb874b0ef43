// A patient's handouts: pick the language (the patient's own first) and whether Korean goes beside it, then
// preview, print or export each of the five, or export them all with progress. The PDFs are made by the main
// process (worker threads); the screen only shows, prints and saves what comes back.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type AppError } from '../../../../shared/contract';
import { HANDOUT_KIND_NAMES } from '../../../../shared/contract/handouts';
import { SUPPORTED_LANGUAGES, type LanguageTag } from '../../../../shared/domain/intake/vocabulary';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { LoadFailure } from '../../components/LoadFailure';
import { ErrorReference, failureOf, useFailureText } from '../../components/ErrorReference';
import { hrefOf } from '../../app/routes';
import { Field } from '../../components/Field';

type Kind = (typeof HANDOUT_KIND_NAMES)[number];

/** The desktop app's folder dialog (preload); absent in the browser preview, where the path is typed. */
const desktop = (window as unknown as { desktop?: { chooseFolder(current: string): Promise<string | null> } }).desktop;

type Progress = { readonly done: number; readonly total: number; readonly written: readonly string[] } | null;

const pdfUrl = (base64: string): string =>
  URL.createObjectURL(new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: 'application/pdf' }));

export function HandoutsScreen({ patientId }: { readonly patientId: string }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.language === 'ko' ? 'ko' : 'en';
  // Opening the patient's handouts is an audited read of the record, once per opening (query-client).
  const opened = useQuery(channelQuery('getPatient', { id: patientId }));
  const defaults = useQuery(channelQuery('defaultHandoutFolder', {}));
  const record = opened.data ?? null;
  const [language, setLanguage] = useState<LanguageTag>('en');
  const [bilingual, setBilingual] = useState(true);
  // The plan and quote as a draft: the only way to hand it over while a price is still to be confirmed.
  const [planDraft, setPlanDraft] = useState(false);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<{ kind: Kind; url: string; fileName: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The banner keeps its key and values, not its text, so it follows a switch of the UI language.
  const [message, setMessage] = useState<
    | { kind: 'ok'; key: 'handouts.exportedAll' | 'handouts.exported'; values: Record<string, string | number> }
    | { kind: 'error'; error: AppError }
    | null
  >(null);
  const [progress, setProgress] = useState<Progress>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const failureText = useFailureText();

  // The choices start from the record (the patient's first language) and the default folder once each is read,
  // then are the coordinator's.
  const [seeded, setSeeded] = useState({ language: false, folder: false });
  if (record && !seeded.language) {
    const first = record.patient.languages[0] ?? 'en';
    setSeeded((previous) => ({ ...previous, language: true }));
    setLanguage(first);
    setBilingual(first !== 'ko');
  }
  if (defaults.data && !seeded.folder) {
    setSeeded((previous) => ({ ...previous, folder: true }));
    setFolder(defaults.data.folder);
  }

  // A preview's object URL lives until the next preview or the screen closes.
  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  if (opened.isError) {
    return (
      <section className="screen">
        <LoadFailure error={opened.error} onRetry={() => void opened.refetch()} retrying={opened.isFetching} />
      </section>
    );
  }
  if (!record) return <p className="screen">{t('intake.loading')}</p>;

  const { patient } = record;
  const withKorean = bilingual && language !== 'ko';
  const describe = (error: AppError): string => {
    const first = error.issues[0];
    return first ? ISSUE_MESSAGES[first.code][uiLanguage] : failureText(failureOf(error));
  };
  const bannerText = (shown: NonNullable<typeof message>): string =>
    shown.kind === 'error'
      ? describe(shown.error)
      : t(shown.key, {
          ...shown.values,
          ...(typeof shown.values.kind === 'string' ? { name: t(`handouts.kinds.${shown.values.kind}`) } : {}),
        });
  // The patient's own languages first, then the others.
  const languages = [...patient.languages, ...SUPPORTED_LANGUAGES.filter((tag) => !patient.languages.includes(tag))];

  const draftOf = (kind: Kind) => (kind === 'plan' && planDraft ? { draft: true } : {});

  const show = async (kind: Kind): Promise<boolean> => {
    setBusy(`preview-${kind}`);
    setMessage(null);
    const result = await api.makeHandout({ patientId, kind, language, bilingual: withKorean, ...draftOf(kind) });
    setBusy(null);
    if (!result.ok) {
      setMessage({ kind: 'error', error: result.error });
      return false;
    }
    setPreview({ kind, url: pdfUrl(result.value.pdfBase64), fileName: result.value.fileName });
    return true;
  };

  const print = async (kind: Kind) => {
    if (preview?.kind !== kind && !(await show(kind))) return;
    await api.recordPrint({ patientId, document: `handout-${kind}` });
    // The system print dialog, for the PDF shown in the preview frame.
    window.setTimeout(() => frame.current?.contentWindow?.print(), 300);
  };

  const exportOne = async (kind: Kind): Promise<boolean> => {
    const result = await api.exportHandout({ patientId, kind, language, bilingual: withKorean, ...draftOf(kind), folder });
    if (result.ok) return true;
    const folderIssue = result.error.issues.find((issue) => issue.path[0] === 'folder');
    if (folderIssue) setFolderError(ISSUE_MESSAGES[folderIssue.code][uiLanguage]);
    else setMessage({ kind: 'error', error: result.error });
    return false;
  };

  const exportAll = async () => {
    setFolderError(undefined);
    setMessage(null);
    setBusy('export-all');
    const written: string[] = [];
    setProgress({ done: 0, total: HANDOUT_KIND_NAMES.length, written });
    for (const kind of HANDOUT_KIND_NAMES) {
      if (!(await exportOne(kind))) {
        setProgress(null);
        setBusy(null);
        return;
      }
      written.push(kind);
      setProgress({ done: written.length, total: HANDOUT_KIND_NAMES.length, written: [...written] });
    }
    setBusy(null);
    setMessage({ kind: 'ok', key: 'handouts.exportedAll', values: { count: written.length, folder } });
  };

  const exportSingle = async (kind: Kind) => {
    setFolderError(undefined);
    setMessage(null);
    setBusy(`export-${kind}`);
    const done = await exportOne(kind);
    setBusy(null);
    if (done) setMessage({ kind: 'ok', key: 'handouts.exported', values: { kind, folder } });
  };

  return (
    <section className="screen screen--handouts" aria-labelledby="handouts-title">
      <div className="screen__header screen__header--sticky">
        <a href={hrefOf({ screen: 'plan', id: patientId })} className="back">
          ← {t('handouts.back')}
        </a>
        <h1 id="handouts-title">
          {t('handouts.title')}: <span dir="auto">{patient.names.native}</span> · {patient.names.latin}
        </h1>
      </div>
      <p className="decision-support" role="note">
        {t('handouts.translationNote')}
      </p>

      <div className="handout-options form-grid">
        <Field name="handout-language" label={t('handouts.language')}>
          {({ id }) => (
            <select
              id={id}
              value={language}
              onChange={(event) => {
                setLanguage(event.target.value as LanguageTag);
                setPreview(null);
              }}
              data-handout-language
            >
              {languages.map((tag) => (
                <option key={tag} value={tag}>
                  {t(`languages.${tag}`)}
                  {patient.languages.includes(tag) ? ` (${t('handouts.patientSpeaks')})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={withKorean}
            disabled={language === 'ko'}
            onChange={(event) => {
              setBilingual(event.target.checked);
              setPreview(null);
            }}
            data-handout-bilingual
          />
          {t('handouts.withKorean')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={planDraft}
            onChange={(event) => {
              setPlanDraft(event.target.checked);
              setPreview(null);
            }}
            data-handout-plan-draft
          />
          {t('handouts.planDraft')}
        </label>
        <Field name="handout-folder" label={t('handouts.folder')} error={folderError} hint={t('handouts.folderHint')} wide>
          {({ id, describedBy, invalid }) => (
            <div className="handout-folder">
              <input
                id={id}
                value={folder}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => {
                  setFolder(event.target.value);
                  setFolderError(undefined);
                }}
                data-handout-folder
              />
              {desktop && (
                <button
                  type="button"
                  onClick={() =>
                    void desktop.chooseFolder(folder).then((chosen) => {
                      if (chosen) {
                        setFolder(chosen);
                        setFolderError(undefined);
                      }
                    })
                  }
                >
                  {t('handouts.chooseFolder')}
                </button>
              )}
            </div>
          )}
        </Field>
      </div>

      {message && (
        <p className={`banner banner--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-handout-message>
          {bannerText(message)}
          {message.kind === 'error' && <ErrorReference reference={message.error.correlationId} />}
        </p>
      )}

      <table className="handout-table">
        <thead>
          <tr>
            <th scope="col">{t('handouts.handout')}</th>
            <th scope="col">{t('handouts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {HANDOUT_KIND_NAMES.map((kind) => (
            <tr key={kind} data-handout-kind={kind} aria-current={preview?.kind === kind ? 'true' : undefined}>
              <th scope="row">
                {t(`handouts.kinds.${kind}`)}
                <span className="handout-table__hint">{t(`handouts.hints.${kind}`)}</span>
              </th>
              <td>
                <div className="handout-table__actions">
                  <button type="button" onClick={() => void show(kind)} disabled={busy !== null} data-handout-preview>
                    {busy === `preview-${kind}` ? t('handouts.making') : t('handouts.preview')}
                  </button>
                  <button type="button" onClick={() => void print(kind)} disabled={busy !== null} data-handout-print>
                    {t('handouts.print')}
                  </button>
                  <button type="button" onClick={() => void exportSingle(kind)} disabled={busy !== null} data-handout-export>
                    {busy === `export-${kind}` ? t('handouts.exporting') : t('handouts.export')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="handout-all">
        <button type="button" className="button--primary" onClick={() => void exportAll()} disabled={busy !== null} data-handout-export-all>
          {t('handouts.exportAll')}
        </button>
        {progress && (
          <span className="handout-progress">
            <progress max={progress.total} value={progress.done} aria-label={t('handouts.progress')} data-handout-progress />
            <span aria-live="polite">{t('handouts.progressText', { done: progress.done, total: progress.total })}</span>
          </span>
        )}
      </div>

      {preview ? (
        <figure className="handout-preview">
          <figcaption>{t('handouts.previewOf', { name: t(`handouts.kinds.${preview.kind}`), file: preview.fileName })}</figcaption>
          <iframe
            ref={frame}
            src={preview.url}
            title={t('handouts.previewOf', { name: t(`handouts.kinds.${preview.kind}`), file: preview.fileName })}
            data-handout-frame
          />
        </figure>
      ) : (
        <p className="handout-preview handout-preview--empty">{t('handouts.noPreview')}</p>
      )}
    </section>
  );
}
