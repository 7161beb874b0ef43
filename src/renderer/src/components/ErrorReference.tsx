// The support log's reference for a failed call, in small text under the error: a coordinator reads it out or
// copies it, and whoever supports the clinic finds the failure's line in the log bundle (Settings, "Save
// diagnostics"). The services' own message for an internal error is English; the screen says it in the UI language.
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/contract';

/** What a screen keeps of a failed call to show it later (and again after a switch of the UI language). */
export interface Failure {
  readonly code: AppError['code'];
  readonly message: string;
  readonly reference?: string | undefined;
}

export function failureOf(error: AppError): Failure {
  return { code: error.code, message: error.message, reference: error.correlationId };
}

/** The failure's text in the UI language where ours is fixed (an internal error), else the services' message. */
export function useFailureText(): (failure: Failure) => string {
  const { t } = useTranslation();
  return (failure) => (failure.code === 'internal' ? t('errors.internal') : failure.message);
}

export function ErrorReference({ reference }: { readonly reference: string | undefined }) {
  const { t } = useTranslation();
  if (!reference) return null;
  return (
    <small className="error-reference" data-error-reference={reference}>
      {t('errors.reference', { reference })}
    </small>
  );
}
