// The patient's history from the audit log: when, who, what, which fields (never the values). Read again after
// every write that logs an entry (each invalidates it). The service checks this patient's entries against the hash chain each time;
// a broken link is a visible warning, naming the first entry that does not follow.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { channelQuery } from '../../api/channel-query';
import { LoadFailure } from '../../components/LoadFailure';

export function AuditHistory({ patientId }: { readonly patientId: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(channelQuery('auditHistory', { patientId }));
  const entries = history.data?.entries ?? null;
  const chain = history.data?.chain ?? null;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });

  return (
    <section className="form-section audit-history" id="section-history" aria-labelledby="section-history-title" data-audit-history>
      <h2 id="section-history-title">{t('audit.title')}</h2>
      {chain?.firstBroken && (
        <p className="banner banner--error" role="alert" data-audit-broken={chain.firstBroken.seq}>
          {t('audit.broken', { seq: chain.firstBroken.seq })}
        </p>
      )}
      {history.isError && <LoadFailure error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />}
      {entries && entries.length === 0 && <p className="empty empty--small">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {/* Newest first: the latest change is what a coordinator looks for. */}
            {[...entries].reverse().map((entry) => (
              <tr
                key={entry.seq}
                data-audit-seq={entry.seq}
                data-audit-action={entry.action}
                className={entry.seq === chain?.firstBroken?.seq ? 'audit-history__broken' : undefined}
              >
                <td>{when.format(new Date(entry.at))}</td>
                <td dir="auto">{entry.actor}</td>
                <td>{t(`audit.actions.${entry.action}`)}</td>
                <td data-audit-fields>{entry.fields.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('audit.retention')}</p>
    </section>
  );
}
