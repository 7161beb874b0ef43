// Save diagnostics: the support log and the program's versions as one .zip in a folder the coordinator picks, to
// send to whoever supports the clinic. Its own small form, like the coordinator's name: it saves nothing of the
// clinic's settings. Its button says "Export", not "Save": the settings' own Save button is found by that word.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type IssueCode } from '../../../../shared/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { ErrorReference, failureOf, useFailureText, type Failure } from '../../components/ErrorReference';
import { Field } from '../../components/Field';

const desktop = (window as unknown as { desktop?: { chooseFolder(current: string): Promise<string | null> } }).desktop;

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; path: string } | { kind: 'failed'; failure: Failure };

export function DiagnosticsSetting() {
  const { t, i18n } = useTranslation();
  const failureText = useFailureText();
  const [folder, setFolder] = useState('');
  const [folderIssue, setFolderIssue] = useState<IssueCode | undefined>(undefined);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const language = i18n.language === 'ko' ? 'ko' : 'en';

  // Where the coordinator already finds the files ClinicDesk writes (their Documents), unless they typed one.
  const defaults = useQuery(channelQuery('defaultHandoutFolder', {}));
  const [seeded, setSeeded] = useState(false);
  if (defaults.data && !seeded) {
    setSeeded(true);
    setFolder((current) => current || defaults.data.folder);
  }

  const save = async () => {
    setState({ kind: 'busy' });
    const result = await api.saveDiagnostics({ folder });
    if (result.ok) return setState({ kind: 'saved', path: result.value.path });
    const found = result.error.issues.find((issue) => issue.path[0] === 'folder');
    if (found) {
      setFolderIssue(found.code);
      return setState({ kind: 'idle' });
    }
    setState({ kind: 'failed', failure: failureOf(result.error) });
  };

  return (
    <form
      className="form-section"
      aria-labelledby="settings-diagnostics"
      data-diagnostics-setting
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="settings-diagnostics">{t('diagnostics.title')}</h2>
      <p className="hint">{t('diagnostics.hint')}</p>
      <div className="form-grid">
        <Field
          name="diagnostics-folder"
          label={t('diagnostics.folder')}
          error={folderIssue ? ISSUE_MESSAGES[folderIssue][language] : undefined}
          wide
        >
          {({ id, describedBy, invalid }) => (
            <div className="handout-folder">
              <input
                id={id}
                name="diagnostics-folder"
                value={folder}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => {
                  setFolder(event.target.value);
                  setFolderIssue(undefined);
                }}
              />
              {desktop && (
                <button
                  type="button"
                  onClick={() =>
                    void desktop.chooseFolder(folder).then((chosen) => {
                      if (chosen) {
                        setFolder(chosen);
                        setFolderIssue(undefined);
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
      <p>
        <button type="submit" disabled={state.kind === 'busy'} data-save-diagnostics>
          {t('diagnostics.save')}
        </button>
      </p>
      {state.kind === 'saved' && (
        <p className="banner banner--ok" role="status" data-diagnostics-saved>
          {t('diagnostics.saved', { path: state.path })}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="banner banner--error" role="alert" data-diagnostics-failed>
          {t('diagnostics.failed', { message: failureText(state.failure) })}
          <ErrorReference reference={state.failure.reference} />
        </p>
      )}
    </form>
  );
}
