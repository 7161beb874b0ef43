// The consent summary the patient signs: per treatment its purpose, sessions, downtime, side effects, rare
// complications and alternatives, then the patient's flagged conditions and the signature lines. The patient's
// language stands beside Korean, treatment by treatment, so both readers find the same paragraph at the same height.
// What it covers is the domain's (consentScope, the same as the consent handout's): while a screening question a rule
// of this plan reads is open it is a draft with no signature lines; a treatment with a block no doctor acknowledged
// is kept out and said so; a doctor's decision on a condition is set on its own line.
import { useTranslation } from 'react-i18next';
import type { ConsentSummary } from '../../../../shared/domain/consent/consent-summary';
import type { PlanEvaluation } from '../../../../shared/domain/plan/evaluate-plan';
import type { PatientIntake } from '../../../../shared/domain/intake/patient-schema';
import { api } from '../../api/client';
import { hrefOf } from '../../app/routes';
import type { SummaryLanguage } from './plan-model';
import { useDowntimeText } from './plan-text';

export function ConsentSummaryView({
  consent,
  patient,
  patientLanguage,
}: {
  readonly consent: PlanEvaluation['consent'] | null;
  readonly patient: PatientIntake;
  readonly patientLanguage: SummaryLanguage;
}) {
  const { t } = useTranslation();
  const downtimeText = useDowntimeText();
  // Korean always; the patient's own language first when it is not Korean.
  const columns: readonly SummaryLanguage[] = patientLanguage === 'ko' ? ['ko'] : [patientLanguage, 'ko'];
  const firstLanguage = patient.languages[0];
  const summaries = columns.map((lng) => consent?.[lng] ?? null);
  const count = summaries[0]?.treatments.length ?? 0;
  const keptOut = summaries[0]?.keptOut.length ?? 0;
  const draft = summaries[0]?.draft ?? false;
  /** One text in every column's language: "Draft — not the version to sign · 초안 – 서명용이 아님". */
  const inEvery = (key: string) => columns.map((lng) => t(key, { lng })).join(' · ');
  // A print of health data is logged (who printed whose record, when) before the print dialog opens.
  const printed = async () => {
    if (patient.id) await api.recordPrint({ patientId: patient.id, document: 'consent-summary' });
    window.print();
  };

  return (
    <section className="panel consent-summary" aria-labelledby="consent-title" data-consent-summary data-columns={columns.join(' ')}>
      <div className="consent-summary__head">
        <h2 id="consent-title">{columns.map((lng) => t('plan.consent.title', { lng })).join(' · ')}</h2>
        <div className="topbar__spacer" />
        <button type="button" className="no-print" onClick={() => void printed()}>
          {t('plan.consent.print')}
        </button>
      </div>
      <p className="consent-summary__patient">
        <strong dir="auto">{patient.names.native}</strong> · {patient.names.latin} · {patient.birthDate}
      </p>
      {firstLanguage && firstLanguage !== 'ko' && firstLanguage !== 'en' && (
        <p className="hint no-print" data-language-fallback>
          {t('plan.consent.languageFallback', { language: t(`languages.${firstLanguage}`) })}
        </p>
      )}

      {draft && (
        <div className="banner banner--warn consent-draft" role="status" data-consent-draft>
          <p className="banner__title">{inEvery('plan.consent.draft')}</p>
          <div className={`consent-grid consent-grid--${columns.length}`}>
            {summaries.map((summary, column) => {
              const lng = columns[column]!;
              return (
                <div key={lng} lang={lng} data-consent-open-questions={lng}>
                  <p>{t('plan.consent.draftWhy', { lng })}</p>
                  <List items={summary?.openQuestions ?? []} />
                </div>
              );
            })}
          </div>
          {patient.id && (
            <p className="consent-draft__hint no-print">
              {t('plan.consent.draftHint')} <a href={hrefOf({ screen: 'patient', id: patient.id })}>{t('plan.consent.openIntake')}</a>
            </p>
          )}
        </div>
      )}

      <div className={`consent-grid consent-grid--${columns.length}`}>
        {columns.map((lng) => (
          <h3 key={lng} lang={lng} className="consent-grid__language">
            {t(`languages.${lng}`, { lng })}
          </h3>
        ))}

        {count === 0 &&
          columns.map((lng) => (
            <p key={lng} lang={lng} className="muted">
              {t(keptOut > 0 ? 'plan.consent.allKeptOut' : 'plan.consent.noTreatments', { lng })}
            </p>
          ))}

        {Array.from({ length: count }, (_, index) =>
          summaries.map((summary, column) => {
            const lng = columns[column]!;
            const treatment = summary?.treatments[index];
            if (!treatment) return <div key={`${index}-${lng}`} />;
            return (
              <article
                key={`${treatment.id}-${lng}`}
                lang={lng}
                className="consent-treatment"
                data-consent-treatment={treatment.id}
                data-language={lng}
              >
                <h4>{treatment.name}</h4>
                <dl>
                  <dt>{t('plan.consent.purpose', { lng })}</dt>
                  <dd>{treatment.purpose}</dd>
                  <dt>{t('plan.consent.sessions', { lng })}</dt>
                  <dd>{t('plan.consent.sessionCount', { lng, count: treatment.sessions })}</dd>
                  <dt>{t('plan.consent.downtime', { lng })}</dt>
                  <dd>{downtimeText(treatment.downtimeDays, lng)}</dd>
                  <dt>{t('plan.consent.sideEffects', { lng })}</dt>
                  <dd>
                    <List items={treatment.sideEffects} />
                  </dd>
                  <dt>{t('plan.consent.complications', { lng })}</dt>
                  <dd>
                    <List items={treatment.complications} />
                  </dd>
                  <dt>{t('plan.consent.alternatives', { lng })}</dt>
                  <dd>
                    {treatment.alternatives.length > 0 ? treatment.alternatives.join(', ') : t('plan.consent.noAlternatives', { lng })}
                  </dd>
                </dl>
              </article>
            );
          }),
        )}

        {keptOut > 0 &&
          summaries.map((summary, column) => {
            const lng = columns[column]!;
            return (
              <div key={`kept-out-${lng}`} lang={lng} className="consent-kept-out" data-consent-kept-out={lng}>
                <h4>{t('plan.consent.keptOutTitle', { lng })}</h4>
                <List items={summary?.keptOut ?? []} />
                <p>{t('plan.consent.keptOutWhy', { lng })}</p>
              </div>
            );
          })}
        {keptOut > 0 && <p className="hint no-print consent-grid__wide">{t('plan.consent.keptOutHint')}</p>}

        {summaries.map((summary, column) => {
          const lng = columns[column]!;
          const conditions = summary?.conditions ?? [];
          return (
            <div key={`flags-${lng}`} lang={lng} className="consent-flags" data-consent-flags={lng}>
              <h4>{t('plan.consent.flagged', { lng })}</h4>
              {conditions.length > 0 ? (
                <ul>
                  {conditions.map(({ treatments, text, decision }) => (
                    <li key={`${treatments}\u0000${text}\u0000${decision ?? ''}`} data-consent-condition>
                      {treatments}: {text}
                      {decision && (
                        <span className="consent-decision" data-consent-decision>
                          {decision}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('plan.consent.noFlags', { lng })}</p>
              )}
            </div>
          );
        })}
      </div>

      {/* A draft, or a consent with nothing to sign for, is not signed: its place says so instead. */}
      {draft || count === 0 ? (
        <p className="consent-summary__unsigned" data-consent-unsigned>
          {inEvery('plan.consent.draft')}
        </p>
      ) : (
        <Signatures summary={summaries[0] ?? null} columns={columns} />
      )}
    </section>
  );
}

function List({ items }: { readonly items: readonly string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Signatures({ summary, columns }: { readonly summary: ConsentSummary | null; readonly columns: readonly SummaryLanguage[] }) {
  const { t } = useTranslation();
  const roles = summary?.signatures ?? (['patient', 'coordinator', 'doctor'] as const);
  /** One text in every column's language: "Patient / 환자". */
  const both = (text: (lng: SummaryLanguage) => string) => columns.map(text).join(' / ');
  const roleText = {
    patient: both((lng) => t('plan.consent.signPatient', { lng })),
    coordinator: both((lng) => t('plan.consent.signCoordinator', { lng })),
    doctor: both((lng) => t('plan.consent.signDoctor', { lng })),
  };
  return (
    <div className="signatures" data-signatures>
      <p className="signatures__statement">{both((lng) => t('plan.consent.statement', { lng }))}</p>
      {roles.map((role) => (
        <div key={role} className="signature" data-signature={role}>
          <span className="signature__role">{roleText[role]}</span>
          <span className="signature__label">{both((lng) => t('plan.consent.signature', { lng }))}</span>
          <span className="signature__line" aria-hidden="true" />
          <span className="signature__label">{both((lng) => t('plan.consent.date', { lng }))}</span>
          <span className="signature__line signature__line--short" aria-hidden="true" />
        </div>
      ))}
    </div>
  );
}
