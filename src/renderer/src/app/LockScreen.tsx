// The lock and sign-in screen: shown instead of the whole app, so nothing of the screen before it is in the page.
// The coordinator signed in before is chosen; another can sign in instead (a switch of profile).
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type IssueCode } from '../../../shared/contract';
import type { CoordinatorProfile } from '../../../shared/contract/coordinators';
import { api } from '../api/client';
import { Field } from '../components/Field';

export function LockScreen({
  coordinators,
  signedIn,
  onUnlocked,
  languages,
}: {
  readonly coordinators: readonly CoordinatorProfile[];
  readonly signedIn: CoordinatorProfile | null;
  readonly onUnlocked: (profile: CoordinatorProfile) => void;
  /** The UI language buttons of the top bar, which the lock replaces. */
  readonly languages: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const [coordinatorId, setCoordinatorId] = useState(signedIn?.id ?? coordinators[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<IssueCode | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.signIn({ coordinatorId, pin });
    setBusy(false);
    setPin('');
    if (result.ok) return onUnlocked(result.value);
    setError(result.error.issues.find((found) => found.path[0] === 'pin')?.code ?? 'wrong_pin');
  };

  return (
    <main className="lock" id="main" data-lock-screen>
      <form
        className="lock__panel"
        aria-labelledby="lock-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="lock__languages">{languages}</div>
        <h1 id="lock-title">{signedIn ? t('lock.lockedTitle') : t('lock.signInTitle')}</h1>
        <p className="hint">{signedIn ? t('lock.lockedHint', { name: signedIn.name }) : t('lock.signInHint')}</p>
        <Field name="lock-coordinator" label={t('lock.coordinator')}>
          {({ id }) => (
            <select
              id={id}
              name="lock-coordinator"
              value={coordinatorId}
              onChange={(event) => {
                setCoordinatorId(event.target.value);
                setError(null);
              }}
            >
              {coordinators.map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profile.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="lock-pin" label={t('lock.pin')} error={error ? ISSUE_MESSAGES[error][language] : undefined}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="lock-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              autoFocus
              value={pin}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => {
                setPin(event.target.value);
                setError(null);
              }}
            />
          )}
        </Field>
        <p>
          <button type="submit" disabled={busy || coordinatorId === ''}>
            {t('lock.unlock')}
          </button>
        </p>
      </form>
    </main>
  );
}
