// Building the plan: treatments the patient's concerns suggest, any treatment of the catalog, and the sessions
// one per row with their date, time, room and downtime. "Schedule inside the stay" dates the sessions not yet dated.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type IssueCode } from '../../../../shared/contract';
import {
  CATEGORIES,
  type Catalog,
  type Category,
  type Treatment,
  type TreatmentId,
} from '../../../../shared/domain/catalog/catalog-schema';
import type { PlanEvaluation, PlanFinding } from '../../../../shared/domain/plan/evaluate-plan';
import type { SessionRow, SummaryLanguage } from './plan-model';
import { SeverityBadge, useDowntimeText } from './plan-text';
import { partOf } from '../../../../shared/domain/plan/plan-parts';

export interface SessionsPanelProps {
  readonly catalog: Catalog;
  readonly byId: ReadonlyMap<TreatmentId, Treatment>;
  readonly rows: readonly SessionRow[];
  /** The clinic's rooms by name (clinic settings); a session may take one. */
  readonly rooms: readonly string[];
  readonly evaluation: PlanEvaluation | null;
  readonly language: SummaryLanguage;
  readonly rowIssues: Readonly<Record<string, IssueCode>>;
  /** Whether a finding has a doctor's acknowledgement in the plan being edited. */
  readonly acknowledgedBy: (finding: PlanFinding) => string | null;
  readonly scheduling: boolean;
  readonly nextVisit: readonly { readonly treatment: TreatmentId; readonly sessions: number }[] | null;
  readonly onAdd: (treatment: TreatmentId) => void;
  readonly onChange: (key: string, change: Partial<Pick<SessionRow, 'date' | 'time' | 'room'>>) => void;
  readonly onRemove: (key: string) => void;
  /** Moves a session to a next visit (true) or back to this trip (false); either way it loses its date. */
  readonly onNextVisit: (key: string, nextVisit: boolean) => void;
  readonly onSchedule: () => void;
}

function useCategoryNames(): Record<Category, string> {
  const { t } = useTranslation();
  return {
    laser: t('plan.categories.laser'),
    light: t('plan.categories.light'),
    needling: t('plan.categories.needling'),
    injection: t('plan.categories.injection'),
    peel: t('plan.categories.peel'),
    facial: t('plan.categories.facial'),
    iv: t('plan.categories.iv'),
    hifu: t('plan.categories.hifu'),
    surgical: t('plan.categories.surgical'),
  };
}

export function SessionsPanel(props: SessionsPanelProps) {
  const { catalog, byId, rows, rooms, evaluation, language, rowIssues, acknowledgedBy, scheduling, nextVisit } = props;
  const { t, i18n } = useTranslation();
  const categoryNames = useCategoryNames();
  const downtimeText = useDowntimeText();
  const [choice, setChoice] = useState<TreatmentId | ''>('');
  const select = useRef<HTMLSelectElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const nameOf = (id: TreatmentId) => byId.get(id)?.names[language] ?? id;
  const collator = new Intl.Collator(i18n.language);
  // Only this trip's sessions are the scheduler's to place in this stay (plan-parts.ts).
  const undated = rows.filter((row) => row.date === null && partOf(row) === 'thisTrip').length;

  // A suggestion already in the plan goes at once, without waiting for the next evaluation.
  const suggestions = (evaluation?.suggestions ?? []).filter((id) => !rows.some((row) => row.treatment === id));
  const chips = useRef<HTMLUListElement>(null);
  const addSuggestion = (id: TreatmentId, index: number) => {
    props.onAdd(id);
    // The chip goes away; the focus moves to its neighbour (or to the catalog), not to the page.
    window.requestAnimationFrame(() => {
      const buttons = chips.current?.querySelectorAll<HTMLButtonElement>('button[data-suggestion]');
      (buttons?.[index] ?? buttons?.[index - 1] ?? select.current)?.focus();
    });
  };

  // A cancelled session is not checked, so it has no findings, even beside a session of its treatment and day.
  const findingsOf = (row: SessionRow) =>
    partOf(row) === 'cancelled' ? [] : (evaluation?.findings ?? []).filter((f) => f.treatment === row.treatment && f.date === row.date);

  const remove = (index: number, key: string) => {
    // Keep the keyboard user in the table: the focus goes to the next row's remove button, or to the catalog.
    const buttons = table.current?.querySelectorAll<HTMLButtonElement>('button[data-remove]');
    const next = buttons?.[index + 1] ?? buttons?.[index - 1];
    props.onRemove(key);
    if (next) next.focus();
    else select.current?.focus();
  };

  return (
    <section className="panel" aria-labelledby="plan-sessions-title">
      <h2 id="plan-sessions-title">{t('plan.sessions.title')}</h2>

      {suggestions.length > 0 && (
        <div className="suggestions">
          <h3 className="subheading" id="plan-suggestions-title">
            {t('plan.sessions.suggestions')}
          </h3>
          <ul className="chips" aria-labelledby="plan-suggestions-title" ref={chips}>
            {suggestions.map((id, index) => (
              <li key={id}>
                <button
                  type="button"
                  className="chip"
                  data-suggestion={id}
                  onClick={() => addSuggestion(id, index)}
                  aria-label={t('plan.sessions.addSuggestion', { treatment: nameOf(id) })}
                >
                  <span aria-hidden="true">+</span> {nameOf(id)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form
        className="add-treatment"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice) props.onAdd(choice);
          else select.current?.focus();
        }}
      >
        <label htmlFor="plan-add-treatment">{t('plan.sessions.catalog')}</label>
        <select
          id="plan-add-treatment"
          name="add-treatment"
          ref={select}
          value={choice}
          onChange={(event) => setChoice(event.target.value as TreatmentId | '')}
        >
          <option value="">{t('plan.sessions.choose')}</option>
          {CATEGORIES.map((category) => {
            const inCategory = catalog.filter((treatment) => treatment.category === category);
            if (inCategory.length === 0) return null;
            return (
              <optgroup key={category} label={categoryNames[category]}>
                {[...inCategory]
                  .sort((a, b) => collator.compare(a.names[language], b.names[language]))
                  .map((treatment) => (
                    <option key={treatment.id} value={treatment.id}>
                      {treatment.names[language]}
                    </option>
                  ))}
              </optgroup>
            );
          })}
        </select>
        <button type="submit">{t('plan.sessions.add')}</button>
        <div className="topbar__spacer" />
        <button
          type="button"
          className="button--primary"
          onClick={props.onSchedule}
          disabled={scheduling || undated === 0}
          aria-describedby="plan-schedule-hint"
        >
          {scheduling ? t('plan.sessions.scheduling') : t('plan.sessions.schedule')}
        </button>
      </form>
      <p className="hint" id="plan-schedule-hint">
        {undated > 0 ? t('plan.sessions.scheduleHint', { count: undated }) : t('plan.sessions.allDated')}
      </p>

      {nextVisit && nextVisit.length > 0 && (
        <div className="banner" role="status" data-next-visit>
          <p className="banner__title">{t('plan.sessions.nextVisitTitle')}</p>
          <ul>
            {nextVisit.map(({ treatment, sessions }) => (
              <li key={treatment}>{t('plan.sessions.nextVisit', { count: sessions, treatment: nameOf(treatment) })}</li>
            ))}
          </ul>
        </div>
      )}

      {rows.length === 0 ? (
        <p className="empty empty--small" data-empty-plan>
          {t('plan.sessions.empty')}
        </p>
      ) : (
        <table className="sessions" ref={table}>
          <caption className="visually-hidden">{t('plan.sessions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('plan.sessions.treatment')}</th>
              <th scope="col">{t('plan.sessions.date')}</th>
              <th scope="col">{t('plan.sessions.time')}</th>
              <th scope="col">{t('plan.sessions.room')}</th>
              <th scope="col">{t('plan.sessions.downtime')}</th>
              <th scope="col">{t('plan.sessions.checks')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('plan.sessions.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const treatment = byId.get(row.treatment);
              const name = nameOf(row.treatment);
              const label = { n: index + 1, treatment: name };
              const issue = rowIssues[row.key];
              const findings = findingsOf(row);
              const severities = new Set(
                findings.map((f) => (f.severity === 'block' && acknowledgedBy(f) !== null ? 'acknowledged' : f.severity)),
              );
              const errorId = `session-${row.key}-error`;
              return (
                <tr
                  key={row.key}
                  className={issue ? 'sessions__row sessions__row--invalid' : 'sessions__row'}
                  data-session-row={index}
                  data-treatment={row.treatment}
                  data-date={row.date ?? ''}
                  data-at-next-visit={row.nextVisit ? 'true' : undefined}
                  data-part={partOf(row)}
                >
                  <td className="sessions__n">{index + 1}</td>
                  <th scope="row" className="sessions__name">
                    {name}
                    {partOf(row) === 'cancelled' && (
                      // Kept in the plan as it was, but never billed nor checked: said beside its name.
                      <small className="sessions__cancelled" data-cancelled-row>
                        {' '}
                        {t('plan.sessions.cancelled')}
                      </small>
                    )}
                    {issue && (
                      <p className="field__error" id={errorId} role="alert" data-error-for="session">
                        {ISSUE_MESSAGES[issue][language]}
                      </p>
                    )}
                  </th>
                  <td className="sessions__when">
                    {row.nextVisit ? (
                      <span className="sessions__next-visit" data-next-visit-row>
                        {t('plan.sessions.atNextVisit')}
                      </span>
                    ) : (
                      <>
                        <input
                          type="date"
                          name={`session-date-${index}`}
                          value={row.date ?? ''}
                          aria-label={t('plan.sessions.dateOf', label)}
                          aria-describedby={issue ? errorId : undefined}
                          aria-invalid={issue ? true : undefined}
                          onChange={(event) => props.onChange(row.key, { date: event.target.value || null })}
                        />
                        {row.date === null && <span className="sessions__undated">{t('plan.sessions.undated')}</span>}
                      </>
                    )}
                    {/* One button for both ways, so the focus stays on it when the session moves. */}
                    {row.status !== 'done' && (
                      <button
                        type="button"
                        className="button--quiet sessions__move"
                        data-move-session={row.nextVisit ? 'this-trip' : 'next-visit'}
                        aria-label={row.nextVisit ? t('plan.sessions.toThisTripOf', label) : t('plan.sessions.toNextVisitOf', label)}
                        onClick={() => props.onNextVisit(row.key, !row.nextVisit)}
                      >
                        {row.nextVisit ? t('plan.sessions.toThisTrip') : t('plan.sessions.toNextVisit')}
                      </button>
                    )}
                  </td>
                  <td>
                    {!row.nextVisit && (
                      <input
                        type="time"
                        name={`session-time-${index}`}
                        value={row.time ?? ''}
                        step={300}
                        aria-label={t('plan.sessions.timeOf', label)}
                        onChange={(event) => props.onChange(row.key, { time: event.target.value || null })}
                      />
                    )}
                  </td>
                  <td>
                    <select
                      name={`session-room-${index}`}
                      value={row.room ?? ''}
                      aria-label={t('plan.sessions.roomOf', label)}
                      onChange={(event) => props.onChange(row.key, { room: event.target.value })}
                      data-session-room
                    >
                      <option value="">{t('plan.sessions.noRoom')}</option>
                      {/* A room since removed from the settings stays selectable on the sessions that have it. */}
                      {[...rooms, ...(row.room && !rooms.includes(row.room) ? [row.room] : [])].map((room) => (
                        <option key={room} value={room}>
                          {room}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="sessions__downtime">{treatment ? downtimeText(treatment.downtimeDays.value, language) : ''}</td>
                  <td className="sessions__checks">
                    <div className="sessions__badges">
                      {(['block', 'acknowledged', 'caution', 'info'] as const)
                        .filter((severity) => severities.has(severity))
                        .map((severity) => (
                          <SeverityBadge key={severity} severity={severity} />
                        ))}
                    </div>
                  </td>
                  <td>
                    <button
                      type="button"
                      data-remove
                      className="button--quiet"
                      onClick={() => remove(index, row.key)}
                      aria-label={t('plan.sessions.removeOf', label)}
                    >
                      {t('plan.sessions.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
