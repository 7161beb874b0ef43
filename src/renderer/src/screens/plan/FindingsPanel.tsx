// The checks of the plan, for the doctor who decides: each finding with its severity, session, message and
// source. A blocking finding stays blocking until a named doctor acknowledges it; then the plan can be saved.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Treatment, TreatmentId } from '../../../../shared/domain/catalog/catalog-schema';
import type { PlanEvaluation, PlanFinding } from '../../../../shared/domain/plan/evaluate-plan';
import type { Severity } from '../../../../shared/domain/rules/rule-schema';
import { citeSource } from '../../../../shared/domain/citations/citation';
import { findingWhen } from './finding-when';
import { doctorName, type SummaryLanguage } from './plan-model';
import { SeverityBadge } from './plan-text';

export interface FindingsPanelProps {
  readonly evaluation: PlanEvaluation | null;
  readonly pending: boolean;
  readonly hasSessions: boolean;
  readonly byId: ReadonlyMap<TreatmentId, Treatment>;
  readonly language: SummaryLanguage;
  readonly acknowledgedBy: (finding: PlanFinding) => string | null;
  readonly onAcknowledge: (finding: PlanFinding, doctor: string) => void;
  readonly onWithdraw: (finding: PlanFinding) => void;
}

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, caution: 1, info: 2 };

/**
 * What the panel shows: each block on its own (each session needs its own acknowledgement), and each caution or
 * note once with the sessions it concerns, so one allergy across six sessions is one card, not six.
 */
interface Card {
  readonly key: string;
  readonly severity: Severity;
  readonly findings: readonly PlanFinding[];
}

function cardsOf(findings: readonly PlanFinding[]): Card[] {
  const sorted = [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      a.treatment.localeCompare(b.treatment),
  );
  const cards: { key: string; severity: Severity; findings: PlanFinding[] }[] = [];
  const seen = new Map<string, number>();
  for (const finding of sorted) {
    if (finding.severity === 'block') {
      // A key that survives re-evaluation, so an open acknowledgement form stays open.
      const base = `${finding.rule}|${finding.treatment}|${finding.date ?? ''}`;
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      cards.push({ key: `${base}|${count}`, severity: 'block', findings: [finding] });
      continue;
    }
    const key = `${finding.rule}|${finding.message.en}`;
    const card = cards.find((c) => c.key === key);
    if (card) card.findings.push(finding);
    else cards.push({ key, severity: finding.severity, findings: [finding] });
  }
  return cards;
}

export function FindingsPanel(props: FindingsPanelProps) {
  const { evaluation, pending, hasSessions, acknowledgedBy } = props;
  const { t } = useTranslation();
  const cards = cardsOf(evaluation?.findings ?? []);
  const blocks = cards.filter((card) => card.severity === 'block').map((card) => card.findings[0]!);
  const open = blocks.filter((f) => acknowledgedBy(f) === null).length;
  const acknowledged = blocks.length - open;
  const cautions = cards.filter((card) => card.severity === 'caution').length;
  const infos = cards.filter((card) => card.severity === 'info').length;

  return (
    <section className="panel panel--findings" aria-labelledby="plan-findings-title" aria-busy={pending} data-pending={pending}>
      <h2 id="plan-findings-title">{t('plan.findings.title')}</h2>
      <p className="findings__summary" aria-live="polite" data-findings-summary>
        {!hasSessions
          ? t('plan.findings.noSessions')
          : cards.length === 0
            ? t('plan.findings.none')
            : [
                open > 0 && t('plan.findings.countBlocks', { count: open }),
                acknowledged > 0 && t('plan.findings.countAcknowledged', { count: acknowledged }),
                cautions > 0 && t('plan.findings.countCautions', { count: cautions }),
                infos > 0 && t('plan.findings.countInfos', { count: infos }),
              ]
                .filter(Boolean)
                .join(' · ')}
      </p>
      {cards.length > 0 && (
        <ul className="findings">
          {cards.map((card) => (
            <FindingCard
              key={card.key}
              {...props}
              card={card}
              doctor={card.severity === 'block' ? acknowledgedBy(card.findings[0]!) : null}
            />
          ))}
        </ul>
      )}
      {hasSessions && cards.length === 0 && <p className="muted">{t('plan.findings.noneHint')}</p>}
    </section>
  );
}

function FindingCard({
  card,
  doctor,
  byId,
  language,
  onAcknowledge,
  onWithdraw,
}: FindingsPanelProps & { readonly card: Card; readonly doctor: string | null }) {
  const finding = card.findings[0]!;
  const { t, i18n } = useTranslation();
  const [acknowledging, setAcknowledging] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState(false);
  const id = useId();
  const acknowledgeButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const nameOf = (id: TreatmentId) => byId.get(id)?.names[language] ?? id;
  const treatment = nameOf(finding.treatment);
  const isBlock = finding.severity === 'block';
  const severity = isBlock && doctor !== null ? 'acknowledged' : finding.severity;

  const confirm = () => {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 120) {
      setError(true);
      return;
    }
    onAcknowledge(finding, trimmed);
    setAcknowledging(false);
    setName('');
    setError(false);
    window.requestAnimationFrame(() => status.current?.focus());
  };

  return (
    <li
      className={`finding finding--${severity}`}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-acknowledged={isBlock ? doctor !== null : undefined}
    >
      <div className="finding__head">
        <SeverityBadge severity={finding.severity} />
        <p className="finding__message">{finding.message[language]}</p>
      </div>
      <ul className="finding__sessions">
        {card.findings.map((session, index) => (
          <li
            key={index}
            data-session
            data-treatment={session.treatment}
            data-date={session.date ?? ''}
            data-timing={session.timing?.kind}
            data-fires-from={session.timing?.kind === 'undated' ? session.timing.firesFrom : undefined}
            data-fires-to={session.timing?.kind === 'undated' ? session.timing.firesTo : undefined}
            data-not-before={session.timing?.kind === 'next-visit' ? (session.timing.notBefore ?? '') : undefined}
          >
            <strong>{nameOf(session.treatment)}</strong>{' '}
            <span className={`finding__date${session.timing ? ' finding__date--timing' : ''}`}>
              {findingWhen(t, session, i18n.language)}
            </span>
          </li>
        ))}
      </ul>
      <p className="finding__source">{t('plan.findings.source', { source: citeSource(finding.source).text[language] })}</p>
      {isBlock && doctor !== null && (
        <p className="finding__ack" ref={status} tabIndex={-1}>
          <SeverityBadge severity="acknowledged" />{' '}
          <span data-acknowledged-by>{t('plan.findings.acknowledgedBy', { doctor: doctorName(doctor) })}</span>{' '}
          <button type="button" className="button--quiet" onClick={() => onWithdraw(finding)}>
            {t('plan.findings.withdraw')}
          </button>
        </p>
      )}
      {isBlock && doctor === null && !acknowledging && (
        <button
          type="button"
          ref={acknowledgeButton}
          onClick={() => setAcknowledging(true)}
          aria-label={t('plan.findings.acknowledgeOf', { treatment })}
        >
          {t('plan.findings.acknowledge')}
        </button>
      )}
      {isBlock && doctor === null && acknowledging && (
        <form
          className="finding__form"
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setAcknowledging(false);
              window.requestAnimationFrame(() => acknowledgeButton.current?.focus());
            }
          }}
        >
          <label htmlFor={`${id}-doctor`}>{t('plan.findings.doctor')}</label>
          <input
            id={`${id}-doctor`}
            name="doctor"
            value={name}
            maxLength={120}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => {
              setName(event.target.value);
              setError(false);
            }}
          />
          <button type="submit" className="button--primary">
            {t('plan.findings.confirm')}
          </button>
          <button
            type="button"
            onClick={() => {
              setAcknowledging(false);
              window.requestAnimationFrame(() => acknowledgeButton.current?.focus());
            }}
          >
            {t('plan.findings.cancel')}
          </button>
          {error ? (
            <p className="field__error" id={`${id}-error`} role="alert">
              {t('plan.findings.doctorRequired')}
            </p>
          ) : (
            <p className="field__hint" id={`${id}-hint`}>
              {t('plan.findings.doctorHint')}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
