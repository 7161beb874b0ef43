// A new PIN and the same PIN again, wherever a PIN is chosen (the first run, a new profile, a changed PIN): typed
// blind, a slip would lock the coordinator out, so the form asks twice (`pinsDiffer` checks it). Controlled
// through the form library by field name; the inputs keep the names the screens and tests know them by.
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IssueCode } from '../../../shared/contract';
import { pinSchema } from '../../../shared/domain/coordinators/coordinator-pin';
import { Field } from '../components/Field';

export interface PinAndConfirmFieldsProps<TForm extends FieldValues> {
  readonly control: Control<TForm>;
  readonly pinField: FieldPath<TForm>;
  readonly confirmField: FieldPath<TForm>;
  /** The input's name; the confirmation's is the same with "-confirm". */
  readonly inputName: string;
  readonly label: string;
  readonly errorOf: (field: string) => string | undefined;
}

export function PinAndConfirmFields<TForm extends FieldValues>({
  control,
  pinField,
  confirmField,
  inputName,
  label,
  errorOf,
}: PinAndConfirmFieldsProps<TForm>) {
  const { t } = useTranslation();
  const pinInput = (field: FieldPath<TForm>, name: string, fieldLabel: string, hint: string | undefined) => (
    <Controller
      control={control}
      name={field}
      render={({ field: { value, onChange, onBlur, ref } }) => (
        <Field name={name} label={fieldLabel} hint={hint} error={errorOf(field)}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name={name}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              value={value as string}
              onChange={onChange}
              onBlur={onBlur}
              ref={ref}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
      )}
    />
  );
  return (
    <>
      {pinInput(pinField, inputName, label, t('profiles.pinHint'))}
      {pinInput(confirmField, `${inputName}-confirm`, t('profiles.pinConfirm'), undefined)}
    </>
  );
}

/** The form's own check of a PIN typed twice: an issue on the confirmation when the two differ. While the PIN
 * itself is refused (the channel's schema says why beside it), the confirmation waits: one thing to fix at a time. */
export function pinsDiffer(pin: string, confirmation: string, confirmField: string): { field: string; code: IssueCode }[] {
  if (!pinSchema.safeParse(pin).success) return [];
  return pin === confirmation ? [] : [{ field: confirmField, code: 'pins_differ' }];
}
