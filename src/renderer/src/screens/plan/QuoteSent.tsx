// "Mark as sent" under the quote: keeps the saved plan's quote as the patient received it (a new version each
// time), says which version the patient holds, and says so plainly when the quote on screen is no longer it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type AppError } from '../../../../shared/contract';
import { heldVersion } from '../../../../shared/domain/plan/quote-versions';
import { missingPrices, type QuoteView } from '../../../../shared/domain/plan/quote-view';
import { CLINIC_TIME_ZONE, todayIn } from '../../../../shared/domain/intake/calendar-date';
import { useChannelMutation } from '../../api/channel-mutation';
import { channelQuery } from '../../api/channel-query';
import { LoadFailure } from '../../components/LoadFailure';
import { formatDay, uiLanguageOf } from './plan-model';

export interface QuoteSentProps {
  readonly patientId: string;
  readonly quote: QuoteView;
  /** The saved plan's version (0: never saved). */
  readonly version: number;
  /** Unsaved changes on screen: what would be sent is the saved plan, so they must be saved first. */
  readonly dirty: boolean;
}

/** The day in Korea a quote was sent. */
const koreaDay = (instant: string) => todayIn(CLINIC_TIME_ZONE, new Date(instant));

export function QuoteSent({ patientId, quote, version, dirty }: QuoteSentProps) {
  const { t, i18n } = useTranslation();
  const versions = useQuery(channelQuery('listQuoteVersions', { patientId }));
  const sent = versions.data ?? null;
  // Sending writes a quote version (and an audit entry); a refusal may mean another coordinator sent one: either
  // way the versions are read again.
  const markQuoteSent = useChannelMutation('markQuoteSent', ['listQuoteVersions', 'auditHistory']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  if (versions.isError)
    return <LoadFailure error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />;
  if (sent === null) return null;
  const held = heldVersion(quote, sent);
  const newest = sent[0] ?? null;
  const unpriced = missingPrices(quote).length > 0;
  const blocked = dirty || version === 0 || unpriced;

  const markSent = async () => {
    setBusy(true);
    setError(null);
    const result = await markQuoteSent.mutateAsync({ patientId, expectedVersion: version });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      await versions.refetch();
    }
  };

  return (
    <div className="quote-sent" data-quote-sent>
      {held ? (
        <p className="hint" data-quote-held={held.version}>
          {t('plan.quote.sentAs', { version: held.version, date: formatDay(koreaDay(held.sentAt), i18n.language), who: held.sentBy })}
        </p>
      ) : (
        newest && (
          <p className="banner banner--warn" role="status" data-quote-outdated={newest.version}>
            {t('plan.quote.olderQuote', { version: newest.version, date: formatDay(koreaDay(newest.sentAt), i18n.language) })}
          </p>
        )
      )}
      {!held && (
        <>
          <button type="button" className="button" disabled={busy || blocked} onClick={() => void markSent()} data-mark-quote-sent>
            {t('plan.quote.markSent')}
          </button>
          {blocked && <p className="hint">{unpriced ? t('plan.quote.sendNeedsPrices') : t('plan.quote.sendNeedsSave')}</p>}
        </>
      )}
      {error && (
        <p className="banner banner--error" role="alert">
          {error.issues[0] ? ISSUE_MESSAGES[error.issues[0].code][uiLanguageOf(i18n.language)] : error.message}
        </p>
      )}
    </div>
  );
}
