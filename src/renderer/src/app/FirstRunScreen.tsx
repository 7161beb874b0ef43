// The first run: with no coordinator profiles yet, the services serve no patient data, so the app asks for the
// first profile (signed in at once) before anything else. Shown instead of the app, like the lock screen.
import { useRef, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { CoordinatorProfile } from '../../../shared/contract/coordinators';
import { api } from '../api/client';
import { Field } from '../components/Field';
import { contractResolver } from '../forms/contract-resolver';
import { setIssueErrors, useIssueText } from '../forms/issue-errors';
import { PinAndConfirmFields, pinsDiffer } from '../forms/PinAndConfirmFields';
import { useFocusFirstError } from '../forms/use-focus-first-error';

interface NewProfileForm {
  name: string;
  pin: string;
  pinConfirm: string;
}

const newProfileResolver = contractResolver<NewProfileForm>({
  schema: contract.addCoordinator.input,
  toInput: ({ name, pin }) => ({ name, pin }),
  formChecks: ({ pin, pinConfirm }) => pinsDiffer(pin, pinConfirm, 'pinConfirm'),
});

export function FirstRunScreen({
  onCreated,
  languages,
}: {
  readonly onCreated: (profile: CoordinatorProfile) => void;
  readonly languages: ReactNode;
}) {
  const { t } = useTranslation();
  const { control, handleSubmit, setError, resetField, formState } = useForm<NewProfileForm>({
    defaultValues: { name: '', pin: '', pinConfirm: '' },
    resolver: newProfileResolver,
    shouldFocusError: false,
  });
  const errorOf = useIssueText(formState.errors);
  const formElement = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formElement, formState.submitCount);

  const submit = handleSubmit(async ({ name, pin }) => {
    const result = await api.addCoordinator({ name, pin });
    if (result.ok) return onCreated(result.value);
    // A refused PIN is never left in the page.
    resetField('pin');
    resetField('pinConfirm');
    setIssueErrors(setError, result.error.issues);
    focusFirstError();
  });

  return (
    <main className="lock" id="main" data-first-run>
      <form ref={formElement} className="lock__panel" aria-labelledby="first-run-title" noValidate onSubmit={(event) => void submit(event)}>
        <div className="lock__languages">{languages}</div>
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p className="hint">{t('firstRun.hint')}</p>
        <Controller
          control={control}
          name="name"
          render={({ field }) => (
            <Field name="profile-name" label={t('profiles.name')} error={errorOf('name')}>
              {({ id, describedBy, invalid }) => (
                <input
                  {...field}
                  id={id}
                  name="profile-name"
                  maxLength={100}
                  autoFocus
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          )}
        />
        <PinAndConfirmFields
          control={control}
          pinField="pin"
          confirmField="pinConfirm"
          inputName="profile-pin"
          label={t('profiles.pin')}
          errorOf={errorOf}
        />
        <p>
          <button type="submit" disabled={formState.isSubmitting}>
            {t('profiles.add')}
          </button>
        </p>
      </form>
    </main>
  );
}
