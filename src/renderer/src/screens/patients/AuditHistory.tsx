// The patient's history from the audit log: when, who, what, which fields (never the values). Read again after
// every save (the version changes). A broken hash chain anywhere in the log is shown as a warning here, since a
// tampered log cannot vouch for this patient's history either.
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
    void Promise.all([api.auditHistory({ patientId }), api.verifyAuditChain({})]).then(([history, verified]) => {
      if (!current) return;
      if (history.ok) setEntries(history.value.entries);
      if (verified.ok) setChain(verified.value);
      const failed = [history, verified].find((result) => !result.ok);
      setError(failed && !failed.ok ? failed.error.message : null);
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
              <tr key={entry.seq} data-audit-seq={entry.seq} data-audit-action={entry.action}>
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
