// Consents are separate records: each kind is given and withdrawn on its own, with its date and the version of
// the text the patient read. Withdrawing keeps the record of when it was given.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_KINDS, type ConsentKind } from '../../../../../shared/domain/intake/vocabulary';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import type { SectionProps } from './section-props';

/** The consent wording in use; bumped when the clinic's consent texts change. */
export const CONSENT_TEXT_VERSION = '2026-01';

export function ConsentsSection({ form, update, errorOf }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [withdrawing, setWithdrawing] = useState<ConsentKind | null>(null);
  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }).format(new Date(iso));

  const inForce = (kind: ConsentKind) => form.consents.find((consent) => consent.kind === kind && consent.withdrawnAt === null);

  // The text is handed in the patient's preferred language; the record keeps which one (migration 0011).
  const grant = (kind: ConsentKind) =>
    update((f) => {
      const language = f.languages[0];
      const consent = { kind, grantedAt: new Date().toISOString(), withdrawnAt: null, textVersion: CONSENT_TEXT_VERSION };
      return { ...f, consents: [...f.consents, language ? { ...consent, language } : consent] };
    });
  const versionOf = (consent: { textVersion: string; language?: string | undefined }) =>
    consent.language ? `${consent.textVersion}, ${consent.language}` : consent.textVersion;

  const withdraw = (kind: ConsentKind) =>
    update((f) => ({
      ...f,
      consents: f.consents.map((consent) =>
        consent.kind === kind && consent.withdrawnAt === null ? { ...consent, withdrawnAt: new Date().toISOString() } : consent,
      ),
    }));

  return (
    <section className="form-section" id="section-consents" aria-labelledby="section-consents-title">
      <h2 id="section-consents-title">{t('intake.sections.consents')}</h2>
      <p className="hint">{t('consents.separateNote')}</p>
      <ul className="consents">
        {CONSENT_KINDS.map((kind) => {
          const current = inForce(kind);
          const history = form.consents.filter((consent) => consent.kind === kind && consent.withdrawnAt !== null);
          return (
            <li key={kind} className="consent" data-consent={kind}>
              <div className="consent__title">{t(`consents.${kind}`)}</div>
              <div className="consent__status">
                {current ? (
                  <span className="badge badge--ok">
                    {t('consents.givenOn', { date: formatDate(current.grantedAt), version: versionOf(current) })}
                  </span>
                ) : (
                  <span className="badge">{t('consents.notGiven')}</span>
                )}
              </div>
              <div className="consent__actions">
                {current ? (
                  <button type="button" onClick={() => setWithdrawing(kind)}>
                    {t('consents.withdraw')}
                  </button>
                ) : (
                  <button type="button" onClick={() => grant(kind)}>
                    {t('consents.record')}
                  </button>
                )}
              </div>
              {history.length > 0 && (
                <ul className="consent__history" aria-label={t('consents.history')}>
                  {history.map((consent) => (
                    <li key={consent.grantedAt}>
                      {t('consents.givenOn', { date: formatDate(consent.grantedAt), version: versionOf(consent) })} ·{' '}
                      {t('consents.withdrawnOn', { date: formatDate(consent.withdrawnAt!) })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {errorOf('consents') && (
        <p className="field__error" role="alert" data-error-for="consents">
          {errorOf('consents')}
        </p>
      )}
      <ConfirmDialog
        open={withdrawing !== null}
        title={t('consents.withdrawConfirmTitle')}
        body={t('consents.withdrawConfirmBody')}
        confirmLabel={t('consents.withdraw')}
        cancelLabel={t('intake.cancel')}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => {
          if (withdrawing) withdraw(withdrawing);
          setWithdrawing(null);
        }}
      />
    </section>
  );
}
