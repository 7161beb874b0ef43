// The first run: with no coordinator profiles yet, the services serve no patient data, so the app asks for the
// first profile (signed in at once) before anything else. Shown instead of the app, like the lock screen.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type IssueCode } from '../../../shared/contract';
import type { CoordinatorProfile } from '../../../shared/contract/coordinators';
import { api } from '../api/client';
import { Field } from '../components/Field';

type Errors = Partial<Record<'name' | 'pin', IssueCode>>;

export function FirstRunScreen({ onCreated, languages }: { readonly onCreated: (profile: CoordinatorProfile) => void; readonly languages: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const errorText = (field: keyof Errors) => (errors[field] ? ISSUE_MESSAGES[errors[field]][language] : undefined);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api.addCoordinator({ name, pin });
    setBusy(false);
    setPin('');
    if (result.ok) return onCreated(result.value);
    const found: Errors = {};
    for (const item of result.error.issues) {
      const field = item.path[0];
      if (field === 'name' || field === 'pin') found[field] ??= item.code;
    }
    setErrors(found);
  };

  return (
    <main className="lock" id="main" data-first-run>
      <form
        className="lock__panel"
        aria-labelledby="first-run-title"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="lock__languages">{languages}</div>
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p className="hint">{t('firstRun.hint')}</p>
        <Field name="profile-name" label={t('profiles.name')} error={errorText('name')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} name="profile-name" value={name} maxLength={100} autoFocus aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(event) => setName(event.target.value)} />
          )}
        </Field>
        <Field name="profile-pin" label={t('profiles.pin')} hint={t('profiles.pinHint')} error={errorText('pin')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} name="profile-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={8} value={pin}
              aria-describedby={describedBy} aria-invalid={invalid} onChange={(event) => setPin(event.target.value)} />
          )}
        </Field>
        <p>
          <button type="submit" disabled={busy}>{t('profiles.add')}</button>
        </p>
      </form>
    </main>
  );
}
