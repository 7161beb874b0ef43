// The coordinator profiles of this clinic: who may sign in at this computer, each with a PIN of 6 to 8 digits
// (profiles made when 4 were enough keep theirs until changed).
// The first profile added is signed in at once; after that, the idle lock and the sign-in screen use them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type IssueCode } from '../../../../shared/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { channelKey } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { LoadFailure } from '../../components/LoadFailure';

type Errors = Partial<Record<'name' | 'pin' | 'currentPin' | 'newPin', IssueCode>>;

export function CoordinatorProfiles() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const queryClient = useQueryClient();
  // The same read as the app's session (one cache entry): adding a profile invalidates it for both.
  const listed = useQuery(channelQuery('listCoordinators', {}));
  const profiles = listed.data?.coordinators ?? [];
  const signedIn = listed.data?.signedIn ?? null;
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<'added' | 'changed' | null>(null);

  const issuesOf = (issues: readonly { path: readonly (string | number)[]; code: IssueCode }[]): Errors => {
    const found: Errors = {};
    for (const item of issues) {
      const field = item.path[0];
      if (field === 'name' || field === 'pin' || field === 'currentPin' || field === 'newPin') found[field] ??= item.code;
    }
    return found;
  };
  const errorText = (field: keyof Errors) => (errors[field] ? ISSUE_MESSAGES[errors[field]][language] : undefined);

  const add = async () => {
    const result = await api.addCoordinator({ name, pin });
    setPin('');
    if (!result.ok) return setErrors(issuesOf(result.error.issues));
    setErrors({});
    setName('');
    setStatus('added');
    await queryClient.invalidateQueries({ queryKey: channelKey('listCoordinators') });
  };

  const change = async () => {
    const result = await api.changePin({ currentPin, newPin });
    setCurrentPin('');
    setNewPin('');
    if (!result.ok) return setErrors(issuesOf(result.error.issues));
    setErrors({});
    setStatus('changed');
  };

  return (
    <section className="form-section" aria-labelledby="settings-profiles" data-coordinator-profiles>
      <h2 id="settings-profiles">{t('profiles.title')}</h2>
      <p className="hint">{t('profiles.hint')}</p>
      {listed.isError && <LoadFailure error={listed.error} onRetry={() => void listed.refetch()} retrying={listed.isFetching} />}
      {listed.isSuccess && profiles.length === 0 ? (
        <p className="muted">{t('profiles.none')}</p>
      ) : (
        <ul className="profiles__list">
          {profiles.map((profile) => (
            <li key={profile.id}>
              {profile.name}
              {signedIn?.id === profile.id && ` (${t('profiles.signedIn')})`}
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        aria-labelledby="profiles-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <h3 id="profiles-add">{t('profiles.addTitle')}</h3>
        <div className="form-grid">
          <Field name="profile-name" label={t('profiles.name')} error={errorText('name')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} name="profile-name" value={name} maxLength={100} aria-describedby={describedBy} aria-invalid={invalid}
                onChange={(event) => setName(event.target.value)} />
            )}
          </Field>
          <Field name="profile-pin" label={t('profiles.pin')} hint={t('profiles.pinHint')} error={errorText('pin')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} name="profile-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin}
                aria-describedby={describedBy} aria-invalid={invalid} onChange={(event) => setPin(event.target.value)} />
            )}
          </Field>
        </div>
        <p>
          <button type="submit">{t('profiles.add')}</button>{' '}
          {status === 'added' && <span role="status">{t('intake.saved')}</span>}
        </p>
      </form>
      {signedIn && (
        <form
          noValidate
          aria-labelledby="profiles-change-pin"
          onSubmit={(event) => {
            event.preventDefault();
            void change();
          }}
        >
          <h3 id="profiles-change-pin">{t('profiles.changePinTitle', { name: signedIn.name })}</h3>
          <div className="form-grid">
            <Field name="profile-current-pin" label={t('profiles.currentPin')} error={errorText('currentPin')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} name="profile-current-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={currentPin}
                  aria-describedby={describedBy} aria-invalid={invalid} onChange={(event) => setCurrentPin(event.target.value)} />
              )}
            </Field>
            <Field name="profile-new-pin" label={t('profiles.newPin')} hint={t('profiles.pinHint')} error={errorText('newPin')}>
              {({ id, describedBy, invalid }) => (
                <input id={id} name="profile-new-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={newPin}
                  aria-describedby={describedBy} aria-invalid={invalid} onChange={(event) => setNewPin(event.target.value)} />
              )}
            </Field>
          </div>
          <p>
            <button type="submit">{t('profiles.changePin')}</button>{' '}
            {status === 'changed' && <span role="status">{t('intake.saved')}</span>}
          </p>
        </form>
      )}
    </section>
  );
}
