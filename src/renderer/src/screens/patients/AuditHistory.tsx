// The patient's history from the audit log: when, who, what, which fields (never the values). Read again after
// every save (the version changes). The service checks this patient's entries against the hash chain each time;
// a broken link is a visible warning, naming the first entry that does not follow.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChainStatus, AuditHistoryEntry } from '../../../../shared/contract/audit';
import { api } from '../../api/client';

export function AuditHistory({ patientId, version }: { readonly patientId: string; readonly version: number | null }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<readonly AuditHistoryEntry[] | null>(null);
  const [chain, setChain] = useState<AuditChainStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });

  useEffect(() => {
    let current = true;
    void api.auditHistory({ patientId }).then((history) => {
      if (!current) return;
      if (history.ok) {
        setEntries(history.value.entries);
        setChain(history.value.chain);
        setError(null);
      } else setError(history.error.message);
    });
    return () => {
      current = false;
    };
  }, [patientId, version]);

  return (
    <section className="form-section audit-history" id="section-history" aria-labelledby="section-history-title" data-audit-history>
      <h2 id="section-history-title">{t('audit.title')}</h2>
      {chain?.firstBroken && (
        <p className="banner banner--error" role="alert" data-audit-broken={chain.firstBroken.seq}>
          {t('audit.broken', { seq: chain.firstBroken.seq })}
        </p>
      )}
      {error && (
        <p className="banner banner--error" role="alert">
          {t('audit.loadFailed', { message: error })}
        </p>
      )}
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
