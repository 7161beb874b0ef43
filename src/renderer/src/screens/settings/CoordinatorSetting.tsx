// The name the audit log records when nobody is signed in with a coordinator profile (a clinic without profiles
// yet, and the CLI). It has its own small form so saving it never touches the clinic's prices and hours.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES } from '../../../../shared/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { LoadFailure } from '../../components/LoadFailure';
import { Field } from '../../components/Field';

export function CoordinatorSetting() {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const language = i18n.language === 'ko' ? 'ko' : 'en';

  const saved = useQuery(channelQuery('getCoordinator', {}));
  const [seeded, setSeeded] = useState(false);
  // The field starts from the name saved once it is read, then is the coordinator's to change.
  if (saved.data && !seeded) {
    setSeeded(true);
    setName(saved.data.fallback);
  }

  const save = async () => {
    const result = await api.setCoordinator({ name });
    if (result.ok) {
      setName(result.value.fallback);
      setState({ kind: 'saved' });
    } else {
      const code = result.error.issues[0]?.code;
      setState({ kind: 'error', message: code ? ISSUE_MESSAGES[code][language] : result.error.message });
    }
  };

  return (
    <form
      className="form-section"
      aria-labelledby="settings-coordinator"
      data-coordinator-setting
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="settings-coordinator">{t('settings.coordinator.title')}</h2>
      {saved.isError && <LoadFailure error={saved.error} onRetry={() => void saved.refetch()} retrying={saved.isFetching} />}
      <div className="form-grid">
        <Field
          name="coordinator"
          label={t('settings.coordinator.name')}
          hint={t('settings.coordinator.hint')}
          error={state.kind === 'error' ? state.message : undefined}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="coordinator"
              value={name}
              maxLength={100}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => {
                setName(event.target.value);
                setState({ kind: 'idle' });
              }}
            />
          )}
        </Field>
      </div>
      <p>
        <button type="submit">{t('settings.coordinator.save')}</button>{' '}
        {state.kind === 'saved' && <span role="status">{t('intake.saved')}</span>}
      </p>
    </form>
  );
}
