// A read that failed, said where its content would be, with the support reference and a button to read again:
// never a "Loading…" that stays.
import { useTranslation } from 'react-i18next';
import type { CallFailed } from '../api/call-failed';
import { ErrorReference } from './ErrorReference';

export function LoadFailure({
  error,
  onRetry,
  retrying = false,
}: {
  readonly error: CallFailed;
  readonly onRetry: () => void;
  readonly retrying?: boolean;
}) {
  const { t } = useTranslation();
  // Ours in the UI language for an internal error (the shared text says nothing was saved: true of a write, not
  // news for a read), else the services' message.
  const message = error.failure.code === 'internal' ? t('load.internal') : error.failure.message;
  return (
    <div className="banner banner--error load-failure" role="alert" data-load-failed={error.channel}>
      <p>{t('load.failed', { message })}</p>
      <ErrorReference reference={error.failure.reference} />
      <p>
        <button type="button" onClick={onRetry} disabled={retrying} data-load-retry>
          {retrying ? t('load.retrying') : t('load.retry')}
        </button>
      </p>
    </div>
  );
}
