// The coordinator profiles of this clinic: who may sign in at this computer, each with a PIN of 6 to 8 digits
// (profiles made when 4 were enough keep theirs until changed).
// The first profile added is signed in at once; after that, the idle lock and the sign-in screen use them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { api } from '../../api/client';
import { channelQuery } from '../../api/channel-query';
import { channelKey } from '../../api/query-keys';
import { Field } from '../../components/Field';
import { LoadFailure } from '../../components/LoadFailure';
import { contractResolver } from '../../forms/contract-resolver';
import { setIssueErrors, useIssueText } from '../../forms/issue-errors';
import { PinAndConfirmFields, pinsDiffer } from '../../forms/PinAndConfirmFields';
import { useFocusFirstError } from '../../forms/use-focus-first-error';

interface AddForm {
  name: string;
  pin: string;
  pinConfirm: string;
}

interface ChangePinForm {
  currentPin: string;
  newPin: string;
  newPinConfirm: string;
}

const addResolver = contractResolver<AddForm>({
  schema: contract.addCoordinator.input,
  toInput: ({ name, pin }) => ({ name, pin }),
  formChecks: ({ pin, pinConfirm }) => pinsDiffer(pin, pinConfirm, 'pinConfirm'),
});

const changePinResolver = contractResolver<ChangePinForm>({
  schema: contract.changePin.input,
  toInput: ({ currentPin, newPin }) => ({ currentPin, newPin }),
  formChecks: ({ newPin, newPinConfirm }) => pinsDiffer(newPin, newPinConfirm, 'newPinConfirm'),
});

export function CoordinatorProfiles() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The same read as the app's session (one cache entry): adding a profile invalidates it for both.
  const listed = useQuery(channelQuery('listCoordinators', {}));
  const profiles = listed.data?.coordinators ?? [];
  const signedIn = listed.data?.signedIn ?? null;
  const [status, setStatus] = useState<'added' | 'changed' | null>(null);
  const addForm = useForm<AddForm>({
    defaultValues: { name: '', pin: '', pinConfirm: '' },
    resolver: addResolver,
    shouldFocusError: false,
  });
  const changeForm = useForm<ChangePinForm>({
    defaultValues: { currentPin: '', newPin: '', newPinConfirm: '' },
    resolver: changePinResolver,
    shouldFocusError: false,
  });
  const addError = useIssueText(addForm.formState.errors);
  const changeError = useIssueText(changeForm.formState.errors);
  const addElement = useRef<HTMLFormElement>(null);
  const changeElement = useRef<HTMLFormElement>(null);
  const focusAddError = useFocusFirstError(addElement, addForm.formState.submitCount);
  const focusChangeError = useFocusFirstError(changeElement, changeForm.formState.submitCount);

  const add = addForm.handleSubmit(async ({ name, pin }) => {
    const result = await api.addCoordinator({ name, pin });
    if (!result.ok) {
      // A refused PIN is never left in the page.
      addForm.resetField('pin');
      addForm.resetField('pinConfirm');
      setIssueErrors(addForm.setError, result.error.issues);
      return focusAddError();
    }
    addForm.reset();
    setStatus('added');
    await queryClient.invalidateQueries({ queryKey: channelKey('listCoordinators') });
  });

  const change = changeForm.handleSubmit(async ({ currentPin, newPin }) => {
    const result = await api.changePin({ currentPin, newPin });
    if (!result.ok) {
      changeForm.reset(undefined, { keepErrors: true, keepSubmitCount: true });
      setIssueErrors(changeForm.setError, result.error.issues);
      return focusChangeError();
    }
    changeForm.reset();
    setStatus('changed');
  });

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
      <form ref={addElement} noValidate aria-labelledby="profiles-add" onSubmit={(event) => void add(event)}>
        <h3 id="profiles-add">{t('profiles.addTitle')}</h3>
        <div className="form-grid">
          <Controller
            control={addForm.control}
            name="name"
            render={({ field }) => (
              <Field name="profile-name" label={t('profiles.name')} error={addError('name')}>
                {({ id, describedBy, invalid }) => (
                  <input {...field} id={id} name="profile-name" maxLength={100} aria-describedby={describedBy} aria-invalid={invalid} />
                )}
              </Field>
            )}
          />
          <PinAndConfirmFields
            control={addForm.control}
            pinField="pin"
            confirmField="pinConfirm"
            inputName="profile-pin"
            label={t('profiles.pin')}
            errorOf={addError}
          />
        </div>
        <p>
          <button type="submit">{t('profiles.add')}</button> {status === 'added' && <span role="status">{t('intake.saved')}</span>}
        </p>
      </form>
      {signedIn && (
        <form ref={changeElement} noValidate aria-labelledby="profiles-change-pin" onSubmit={(event) => void change(event)}>
          <h3 id="profiles-change-pin">{t('profiles.changePinTitle', { name: signedIn.name })}</h3>
          <div className="form-grid">
            <Controller
              control={changeForm.control}
              name="currentPin"
              render={({ field }) => (
                <Field name="profile-current-pin" label={t('profiles.currentPin')} error={changeError('currentPin')}>
                  {({ id, describedBy, invalid }) => (
                    <input
                      {...field}
                      id={id}
                      name="profile-current-pin"
                      type="password"
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={8}
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                    />
                  )}
                </Field>
              )}
            />
            <PinAndConfirmFields
              control={changeForm.control}
              pinField="newPin"
              confirmField="newPinConfirm"
              inputName="profile-new-pin"
              label={t('profiles.newPin')}
              errorOf={changeError}
            />
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
