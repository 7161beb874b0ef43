// Errors of a form as the contract's issue codes: the resolver's and the door's refusals both land in the form's
// errors with the code as message, and are shown translated beside their fields.
import { get, type FieldErrors, type FieldPath, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, isIssueCode, type Issue, type IssuePath } from '../../../shared/contract';
import { pathAsField } from './contract-resolver';

/** Puts a door's refusal on the form's fields (the first issue of a field wins); returns how many fields it hit. */
export function setIssueErrors<TForm extends FieldValues>(
  setError: UseFormSetError<TForm>,
  issues: readonly Issue[],
  fieldOf: (path: IssuePath) => string = pathAsField,
): number {
  const fields = new Set<string>();
  for (const found of issues) {
    const field = fieldOf(found.path);
    if (fields.has(field)) continue;
    fields.add(field);
    setError(field as FieldPath<TForm>, { type: 'server', message: found.code });
  }
  return fields.size;
}

/** How many fields have an error (nested names such as contact.phone count once each). */
export function countFieldErrors(errors: FieldErrors): number {
  let count = 0;
  for (const value of Object.values(errors)) {
    if (!value || typeof value !== 'object') continue;
    if ('message' in value && typeof value.message === 'string') count += 1;
    else count += countFieldErrors(value as FieldErrors);
  }
  return count;
}

/** The translated error of a field, in the UI's language, or undefined. */
export function useIssueText<TForm extends FieldValues>(errors: FieldErrors<TForm>): (field: string) => string | undefined {
  const { i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  return (field) => {
    const message: unknown = (get(errors, field) as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && isIssueCode(message) ? ISSUE_MESSAGES[message][language] : undefined;
  };
}
