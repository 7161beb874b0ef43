import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { setUiLanguage, UI_LANGUAGES } from '../i18n';
import { FollowUpsScreen } from '../screens/followups/FollowUpsScreen';
import { IntakeScreen } from '../screens/intake/IntakeScreen';
import { PatientListScreen } from '../screens/patients/PatientListScreen';
import { moveLegacyPlanDrafts } from '../screens/plan/legacy-plan-drafts';
import { PlanScreen } from '../screens/plan/PlanScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { HandoutsScreen } from '../screens/handouts/HandoutsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { TodayScreen } from '../screens/today/TodayScreen';
import { WeekScreen } from '../screens/week/WeekScreen';
import { LoadFailure } from '../components/LoadFailure';
import { FirstRunScreen } from './FirstRunScreen';
import { LockScreen } from './LockScreen';
import { hrefOf, navigate, newPatientRoute, parseRoute, type Route } from './routes';
import { useCoordinatorSession } from './use-coordinator-session';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const session = useCoordinatorSession();

  // Unsaved plans an earlier version kept in this window's storage move into the database once someone may read
  // and write drafts there (before a sign-in the services would refuse, and they stay for the next time).
  const open = session.loaded && !session.locked;
  useEffect(() => {
    if (open) void moveLegacyPlanDrafts(localStorage, api);
  }, [open]);

  useEffect(() => {
    // Ctrl/⌘+N opens a new intake from anywhere.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        navigate(newPatientRoute());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const languages = (
    <div className="topbar__languages" role="group" aria-label={t('app.language')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          aria-pressed={i18n.language === language}
          lang={language}
          onClick={() => setUiLanguage(language)}
        >
          {language === 'ko' ? '한국어' : 'English'}
        </button>
      ))}
    </div>
  );

  // Until the profiles are known, nothing is shown: the app must not flash patient data before a sign-in screen.
  if (!session.loaded) return <div className="app" aria-busy="true" />;
  if (session.failure) {
    return (
      <div className="app">
        <main className="screen" id="main">
          <LoadFailure error={session.failure} onRetry={session.retry} />
        </main>
      </div>
    );
  }
  if (session.firstRun) {
    return (
      <div className="app">
        <FirstRunScreen onCreated={session.unlocked} languages={languages} />
      </div>
    );
  }
  if (session.locked) {
    return (
      <div className="app">
        <LockScreen coordinators={session.coordinators} signedIn={session.signedIn} onUnlocked={session.unlocked} languages={languages} />
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="topbar__brand">{t('app.name')}</span>
        <nav className="topbar__nav" aria-label={t('app.name')}>
          <a href={hrefOf({ screen: 'today' })} aria-current={route.screen === 'today' ? 'page' : undefined}>
            {t('app.today')}
          </a>
          <a href={hrefOf({ screen: 'patients' })} aria-current={route.screen === 'patients' ? 'page' : undefined}>
            {t('app.patients')}
          </a>
          <a href={hrefOf({ screen: 'week' })} aria-current={route.screen === 'week' ? 'page' : undefined}>
            {t('week.title')}
          </a>
          <a href={hrefOf({ screen: 'followups' })} aria-current={route.screen === 'followups' ? 'page' : undefined}>
            {t('followups.title')}
          </a>
          <a href={hrefOf({ screen: 'reports' })} aria-current={route.screen === 'reports' ? 'page' : undefined}>
            {t('reports.title')}
          </a>
          <a href={hrefOf({ screen: 'settings' })} aria-current={route.screen === 'settings' ? 'page' : undefined}>
            {t('settings.title')}
          </a>
        </nav>
        <div className="topbar__spacer" />
        {session.signedIn && (
          <div className="topbar__session">
            <span data-signed-in>{session.signedIn.name}</span>
            <button type="button" onClick={session.lock} title={t('lock.lockNowHint')}>
              {t('lock.lockNow')}
            </button>
          </div>
        )}
        {languages}
      </header>
      <main id="main" className="main">
        {route.screen === 'today' && <TodayScreen />}
        {route.screen === 'patients' && <PatientListScreen />}
        {route.screen === 'new-patient' && <IntakeScreen key={route.draftId} draftKey={`new:${route.draftId}`} patientId={null} />}
        {route.screen === 'patient' && <IntakeScreen key={route.id} draftKey={route.id} patientId={route.id} />}
        {route.screen === 'plan' && <PlanScreen key={route.id} patientId={route.id} />}
        {route.screen === 'handouts' && <HandoutsScreen key={route.id} patientId={route.id} />}
        {route.screen === 'followups' && <FollowUpsScreen />}
        {route.screen === 'week' && <WeekScreen />}
        {route.screen === 'settings' && <SettingsScreen />}
        {route.screen === 'reports' && <ReportsScreen />}
      </main>
    </div>
  );
}
