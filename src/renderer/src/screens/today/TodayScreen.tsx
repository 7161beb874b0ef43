// The first screen after sign-in: the desk's day (domain/today/today-view.ts decides what is on it). What stops a
// session of today leads, then today's sessions by time, who lands and who flies home today and tomorrow, and the
// follow-ups due now. Every item is a link to where it is resolved; the arrow keys move between them, Enter opens.
import { useQuery } from '@tanstack/react-query';
import { useRef, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TodayOverview } from '../../../../shared/contract/today';
import type { TreatmentId } from '../../../../shared/domain/catalog/catalog-schema';
import type { TodayBlocker, TodaySession, TodayTraveller } from '../../../../shared/domain/today/today-view';
import { channelQuery } from '../../api/channel-query';
import { useCatalog } from '../../api/reads';
import { hrefOf } from '../../app/routes';
import { LoadFailure } from '../../components/LoadFailure';
import { stateLabel, stepLabel } from '../followups/followup-text';

/** Arrow keys move the focus through the screen's items in reading order; Home and End jump to the ends. */
function moveBetweenItems(event: KeyboardEvent<HTMLElement>, root: HTMLElement | null): void {
  if (!root || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const items = [...root.querySelectorAll<HTMLElement>('[data-today-item]')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : event.key === 'ArrowDown'
          ? Math.min(items.length - 1, at + 1)
          : Math.max(0, at - 1);
  event.preventDefault();
  items[next]?.focus();
}

export function TodayScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  // What is due and who lands depends on the hour: read at each opening of the screen, and on Refresh.
  const day = useQuery({ ...channelQuery('getToday', {}), staleTime: 0 });
  const catalog = useCatalog().data ?? null;
  const root = useRef<HTMLElement>(null);
  const treatmentName = (id: TreatmentId) => catalog?.find((treatment) => treatment.id === id)?.names[language] ?? id;

  return (
    <section
      className="screen screen--today"
      aria-labelledby="today-title"
      ref={root}
      onKeyDown={(event) => moveBetweenItems(event, root.current)}
    >
      <div className="screen__header">
        <h1 id="today-title">
          {t('today.title')} {day.data && <span className="muted">{formatDay(day.data.today, language)}</span>}
        </h1>
        <div className="topbar__spacer" />
        <button type="button" onClick={() => void day.refetch()} disabled={day.isFetching} data-refresh-today>
          {t('today.refresh')}
        </button>
      </div>
      {day.isPending && <p aria-busy="true">{t('today.loading')}</p>}
      {day.isError && <LoadFailure error={day.error} onRetry={() => void day.refetch()} retrying={day.isFetching} />}
      {day.data && <TodayBody view={day.data} treatmentName={treatmentName} language={language} />}
    </section>
  );
}

function TodayBody({
  view,
  treatmentName,
  language,
}: {
  readonly view: TodayOverview;
  readonly treatmentName: (id: TreatmentId) => string;
  readonly language: 'ko' | 'en';
}) {
  const { t } = useTranslation();
  const blocked = view.sessions.filter((session) => session.blockers.length > 0);
  return (
    <div className="today">
      <section className="today__section today__section--attention" aria-labelledby="today-attention">
        <h2 id="today-attention">{t('today.attention', { count: view.blockedSessions })}</h2>
        {blocked.length === 0 ? (
          <p className="empty" data-today-empty="attention">
            {t('today.nothingBlocks')}
          </p>
        ) : (
          <ul className="today__list" data-today-list="attention">
            {blocked.flatMap((session) =>
              session.blockers.map((blocker, index) => (
                <li key={`${session.sessionId}-${index}`}>
                  <a
                    href={blockerHref(session, blocker)}
                    data-today-item
                    data-today-blocker={blocker.kind}
                    className="today__item today__item--warn"
                  >
                    <span className="today__time">{session.time ?? t('week.untimed')}</span>
                    <span lang="">{session.latinName}</span>
                    <span>{treatmentName(session.treatment)}</span>
                    <span className="today__why">{blockerText(t, blocker, treatmentName, language)}</span>
                  </a>
                </li>
              )),
            )}
          </ul>
        )}
        <p className="field__hint">{t('app.decisionSupport')}</p>
      </section>

      <section className="today__section" aria-labelledby="today-sessions">
        <h2 id="today-sessions">{t('today.sessions', { count: view.sessions.length })}</h2>
        {view.sessions.length === 0 ? (
          <p className="empty" data-today-empty="sessions">
            {t('today.noSessions')}
          </p>
        ) : (
          <ul className="today__list" data-today-list="sessions">
            {view.sessions.map((session) => (
              <li key={session.sessionId}>
                <a
                  href={hrefOf({ screen: 'plan', id: session.patientId })}
                  data-today-item
                  data-today-session={session.sessionId}
                  className="today__item"
                >
                  <span className="today__time">{session.time ?? t('week.untimed')}</span>
                  <span className="today__room">{session.room ?? t('today.noRoom')}</span>
                  <span>
                    <span lang="">{session.latinName}</span> <span lang="">{session.nativeName}</span>
                  </span>
                  <span>{treatmentName(session.treatment)}</span>
                  <span className="muted">{session.doctor ?? ''}</span>
                  <span className={`today__status today__status--${session.status}`}>{t(`week.status.${session.status}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="today__columns">
        <TravellerList
          id="today-arrivals"
          title={t('today.arrivals')}
          today={view.arrivals.today}
          tomorrow={view.arrivals.tomorrow}
          kind="arrivals"
        />
        <TravellerList
          id="today-departures"
          title={t('today.departures')}
          today={view.departures.today}
          tomorrow={view.departures.tomorrow}
          kind="departures"
        />
      </div>

      <section className="today__section" aria-labelledby="today-followups">
        <h2 id="today-followups">{t('today.followUps', { count: view.followUps.length })}</h2>
        {view.followUps.length === 0 ? (
          <p className="empty" data-today-empty="followups">
            {t('followups.empty')}
          </p>
        ) : (
          <ul className="today__list" data-today-list="followups">
            {view.followUps.map((followUp) => (
              <li key={followUp.id}>
                <a href={hrefOf({ screen: 'followups' })} data-today-item data-today-followup={followUp.id} className="today__item">
                  <span className="today__time">
                    {followUp.dueKorea} <span className="muted">{t('followups.dueKorea')}</span>
                  </span>
                  <span lang="">{followUp.latinName}</span>
                  <span>{stepLabel(t, followUp.step)}</span>
                  <span className={`today__status today__status--${followUp.state}`}>{stateLabel(t, followUp.state)}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function TravellerList({
  id,
  title,
  today,
  tomorrow,
  kind,
}: {
  readonly id: string;
  readonly title: string;
  readonly today: readonly TodayTraveller[];
  readonly tomorrow: readonly TodayTraveller[];
  readonly kind: 'arrivals' | 'departures';
}) {
  const { t } = useTranslation();
  const day = (label: string, travellers: readonly TodayTraveller[], when: 'today' | 'tomorrow') => (
    <>
      <h3>{label}</h3>
      {travellers.length === 0 ? (
        <p className="empty" data-today-empty={`${kind}-${when}`}>
          {t('today.nobody')}
        </p>
      ) : (
        <ul className="today__list" data-today-list={`${kind}-${when}`}>
          {travellers.map((traveller) => (
            <li key={traveller.id}>
              <a
                href={hrefOf({ screen: 'patient', id: traveller.id })}
                data-today-item
                data-today-traveller={traveller.id}
                className="today__item"
              >
                <span lang="">{traveller.latinName}</span> <span lang="">{traveller.nativeName}</span>
                <span className="muted">{traveller.nationality}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return (
    <section className="today__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {day(t('today.today'), today, 'today')}
      {day(t('today.tomorrow'), tomorrow, 'tomorrow')}
    </section>
  );
}

/** A block is resolved on the patient's plan (a doctor acknowledges it, or the session goes); a price in the
 * settings. */
function blockerHref(session: TodaySession, blocker: TodayBlocker): string {
  return blocker.kind === 'missing_price' ? hrefOf({ screen: 'settings' }) : hrefOf({ screen: 'plan', id: session.patientId });
}

function blockerText(t: TFunction, blocker: TodayBlocker, treatmentName: (id: TreatmentId) => string, language: 'ko' | 'en'): string {
  return blocker.kind === 'missing_price'
    ? t('today.missingPrice', { treatment: treatmentName(blocker.treatment) })
    : t('today.unacknowledgedBlock', { finding: blocker.message[language] });
}

function formatDay(date: string, language: 'ko' | 'en'): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
