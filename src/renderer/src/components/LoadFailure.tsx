// A read that failed, said where its content would be, with the support reference and a button to read again:
// never a "Loading…" that stays.
import { useTranslation } from 'react-i18next';
import type { CallFailed } from '../api/call-failed';
import { ErrorReference, useFailureText } from './ErrorReference';

export function LoadFailure({ error, onRetry, retrying = false }: { readonly error: CallFailed; readonly onRetry: () => void; readonly retrying?: boolean }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  return (
    <div className="banner banner--error load-failure" role="alert" data-load-failed={error.channel}>
      <p>{t('load.failed', { message: failureText(error.failure) })}</p>
      <ErrorReference reference={error.failure.reference} />
      <p>
        <button type="button" onClick={onRetry} disabled={retrying} data-load-retry>
          {retrying ? t('load.retrying') : t('load.retry')}
        </button>
      </p>
    </div>
  );
}
