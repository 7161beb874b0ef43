// A patient's treatment plan: sessions built from suggestions and the catalog, scheduled inside the stay, checked
// live against the patient's screening (decision support for the doctor), quoted in KRW and the home currency,
// and summarised for consent. Saving refuses a plan with a blocking finding no doctor has acknowledged.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISSUE_MESSAGES, type IssueCode } from '../../../../shared/contract';
import type { Catalog, TreatmentId } from '../../../../shared/domain/catalog/catalog-schema';
import { CLINIC_TIME_ZONE, daysBetween, todayIn } from '../../../../shared/domain/intake/calendar-date';
import type { PatientIntake } from '../../../../shared/domain/intake/patient-schema';
import { sameFinding, type PlanFinding } from '../../../../shared/domain/plan/evaluate-plan';
import type { Plan } from '../../../../shared/domain/plan/plan-schema';
import { api } from '../../api/client';
import { useChannelMutation } from '../../api/channel-mutation';
import { callChannel, channelQuery } from '../../api/channel-query';
import { readKey } from '../../api/query-keys';
import { useCatalog, useClinicSettings } from '../../api/reads';
import { LoadFailure } from '../../components/LoadFailure';
import { hrefOf } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConsentSummaryView } from './ConsentSummaryView';
import { FindingsPanel } from './FindingsPanel';
import { FollowUpsPanel } from './FollowUpsPanel';
import { moveLegacyPlanDrafts } from './legacy-plan-drafts';
import {
  EMPTY_WORKING_PLAN,
  catalogIndex,
  consentLanguageOf,
  formatDay,
  fromPlan,
  newRowKey,
  planKey,
  pruneAcknowledgements,
  toPlan,
  uiLanguageOf,
  withNextVisit,
  type SessionRow,
  type WorkingPlan,
} from './plan-model';
import { QuotePanel } from './QuotePanel';
import { SessionsPanel } from './SessionsPanel';
import { useLiveEvaluation } from './use-live-evaluation';
import { ErrorReference, failureOf, useFailureText } from '../../components/ErrorReference';
import { usePlanDraft } from './use-plan-draft';

type Load = { readonly state: 'loading' } | { readonly state: 'ready'; readonly patient: PatientIntake; readonly catalog: Catalog };

type Banner =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string; readonly reload?: boolean; readonly reference?: string | undefined };

type View = 'plan' | 'consent';

export function PlanScreen({ patientId }: { readonly patientId: string }) {
  const { t, i18n } = useTranslation();
  const failureText = useFailureText();
  const language = uiLanguageOf(i18n.language);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const queryClient = useQueryClient();
  /** The clinic's rooms, for each session's room choice. */
  const settingsRooms = useClinicSettings().data?.rooms;
  const rooms = useMemo(() => (settingsRooms ?? []).map((room) => room.name), [settingsRooms]);
  // Opening the patient and the plan are audited reads: once per opening of this screen, and again only when the
  // coordinator asks for the saved plan back (after a conflict or a discarded draft). A save keeps the screen's own.
  const record = useQuery(channelQuery('getPatient', { id: patientId }));
  const catalogRead = useCatalog();
  const stored = useQuery(channelQuery('getPatientPlan', { patientId }));
  const kept = useQuery({
    queryKey: readKey('getPlanDraft', { patientId }),
    queryFn: async () => {
      // A plan left in this window's storage by an earlier version goes into the database first.
      await moveLegacyPlanDrafts(localStorage, api);
      return callChannel('getPlanDraft', { patientId });
    },
    staleTime: Infinity,
    gcTime: 0,
  });
  const savePlan = useChannelMutation('savePatientPlan', ['listSessions', 'listPatientFollowUps', 'listDueFollowUps', 'auditHistory']);
  const readPlanAgain = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: readKey('getPatientPlan', { patientId }) });
    void queryClient.invalidateQueries({ queryKey: readKey('getPlanDraft', { patientId }) });
  }, [queryClient, patientId]);
  const [working, setWorking] = useState<WorkingPlan>(EMPTY_WORKING_PLAN);
  const [version, setVersion] = useState(0);
  /** planKey of the plan as last saved (or loaded), to tell unsaved changes. */
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [rowIssues, setRowIssues] = useState<Record<string, IssueCode>>({});
  const [saving, setSaving] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [nextVisit, setNextVisit] = useState<readonly { treatment: TreatmentId; sessions: number }[] | null>(null);
  const [view, setView] = useState<View>('plan');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  /** Bumped when the plan is replaced wholesale (load, discard), so forms holding their own text start again. */
  const [generation, setGeneration] = useState(0);
  const bannerElement = useRef<HTMLParagraphElement>(null);
  const [focusBanner, setFocusBanner] = useState(0);
  const today = todayIn(CLINIC_TIME_ZONE, new Date());

  const plan = useMemo(() => (load.state === 'ready' ? toPlan(working) : null), [load.state, working]);
  const live = useLiveEvaluation(patientId, plan);
  const { accept } = live;
  const { keep: keepDraft, discard: discardDraft, found: draftFound } = usePlanDraft(patientId);
  const dirty = plan !== null && savedKey !== null && planKey(plan) !== savedKey;
  /** The plan on screen now, for answers that arrive after the user changed it further. */
  const currentKey = useRef<string | null>(null);
  useEffect(() => {
    currentKey.current = plan ? planKey(plan) : null;
  }, [plan]);

  // The screen's plan starts from the saved plan and the draft once both are read, and again each time both are
  // read again (never from one new and one old answer).
  const appliedReads = useRef('');
  const readsSettled = !stored.isFetching && !kept.isFetching && stored.isSuccess && kept.status !== 'pending';
  const reads = `${stored.dataUpdatedAt}:${kept.dataUpdatedAt}:${kept.errorUpdatedAt}`;
  useEffect(() => {
    if (!readsSettled || !record.data || !catalogRead.data || !stored.data || appliedReads.current === reads) return;
    appliedReads.current = reads;
    const saved = toPlan(fromPlan(stored.data.plan));
    // A draft that cannot be read is no draft: the saved plan opens, as it would without one.
    const draft = kept.data ?? null;
    const restore = draft && planKey(draft.plan) !== planKey(saved) ? draft : null;
    setWorking(fromPlan(restore?.plan ?? saved));
    setVersion(restore?.baseVersion ?? stored.data.version);
    setSavedKey(planKey(saved));
    setRestoredAt(restore?.savedAt ?? null);
    if (restore) draftFound();
    else {
      if (draft) void discardDraft();
      accept(saved, stored.data.evaluation);
    }
    setRowIssues({});
    setNextVisit(null);
    setGeneration((count) => count + 1);
    setLoad({ state: 'ready', patient: record.data.patient, catalog: catalogRead.data });
  }, [readsSettled, reads, record.data, catalogRead.data, stored.data, kept.data, accept, draftFound, discardDraft]);

  // Unsaved changes are kept as a draft in the database until saved or discarded.
  useEffect(() => {
    if (!plan || savedKey === null) return;
    keepDraft(plan, version, planKey(plan) !== savedKey);
  }, [plan, savedKey, version, keepDraft]);

  useEffect(() => {
    if (focusBanner > 0) bannerElement.current?.focus();
  }, [focusBanner]);

  const change = useCallback((update: (plan: WorkingPlan) => WorkingPlan) => {
    setWorking((previous) => pruneAcknowledgements(update(previous)));
    setBanner((previous) => (previous?.kind === 'ok' ? null : previous));
  }, []);

  const acknowledgedBy = useCallback(
    (finding: PlanFinding) => working.acknowledgements.find((ack) => sameFinding(finding, ack))?.doctor ?? null,
    [working.acknowledgements],
  );

  // A refused session's error stays beside its row until its blocks are acknowledged (or the session goes).
  const evaluation = live.evaluation;
  const visibleRowIssues = useMemo(() => {
    const visible: Record<string, IssueCode> = {};
    for (const row of working.rows) {
      const issue = rowIssues[row.key];
      if (!issue) continue;
      if (issue === 'block_not_acknowledged') {
        const blocked = (evaluation?.findings ?? []).some(
          (f) => f.severity === 'block' && f.session === row.key && acknowledgedBy(f) === null,
        );
        if (!blocked) continue;
      }
      visible[row.key] = issue;
    }
    return visible;
  }, [working.rows, rowIssues, evaluation, acknowledgedBy]);
  const refusedRows = Object.keys(visibleRowIssues).length;

  const save = async () => {
    if (saving || !plan || load.state !== 'ready') return;
    setSaving(true);
    const sent = plan;
    const sentRows = working.rows;
    const result = await savePlan.mutateAsync({ patientId, expectedVersion: version, plan: sent });
    setSaving(false);
    if (result.ok) {
      setVersion(result.value.version);
      setSavedKey(planKey(sent));
      setRestoredAt(null);
      setRowIssues({});
      setBanner({ kind: 'ok', text: t('plan.saved') });
      if (currentKey.current === planKey(sent)) accept(sent, result.value.evaluation);
      return;
    }
    const { error } = result;
    if (error.code === 'invalid_input') {
      const issues: Record<string, IssueCode> = {};
      const other: string[] = [];
      for (const found of error.issues) {
        const [section, list, index] = found.path;
        const row = section === 'plan' && list === 'items' && typeof index === 'number' ? sentRows[index] : undefined;
        if (row) issues[row.key] ??= found.code;
        else other.push(ISSUE_MESSAGES[found.code][language]);
      }
      setRowIssues(issues);
      const blocked = Object.values(issues).filter((code) => code === 'block_not_acknowledged').length;
      setBanner({
        kind: 'error',
        text: [blocked > 0 ? t('plan.blocksRefused', { count: blocked }) : t('plan.notSaved'), ...other].join(' '),
      });
    } else if (error.code === 'conflict') {
      setBanner({ kind: 'error', text: t('plan.conflict'), reload: true });
    } else {
      const failure = failureOf(error);
      setBanner({ kind: 'error', text: t('plan.failed', { message: failureText(failure) }), reference: failure.reference });
    }
    setFocusBanner((count) => count + 1);
  };

  const schedule = async () => {
    if (scheduling || !plan) return;
    setScheduling(true);
    const result = await api.schedulePatientPlan({ patientId, plan });
    setScheduling(false);
    if (!result.ok) {
      const failure = failureOf(result.error);
      setBanner({ kind: 'error', text: t('plan.scheduleFailed', { message: failureText(failure) }), reference: failure.reference });
      setFocusBanner((count) => count + 1);
      return;
    }
    const scheduled = fromPlan(result.value.plan);
    setWorking(pruneAcknowledgements(scheduled));
    accept(toPlan(pruneAcknowledgements(scheduled)), result.value.evaluation);
    setNextVisit(result.value.nextVisit);
  };

  const discard = async () => {
    setConfirmDiscard(false);
    setBanner(null);
    // The saved plan is read again only once the draft is gone, or the draft would be offered back.
    await discardDraft();
    readPlanAgain();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const missing = record.error?.error.code === 'not_found';
  const loadError = missing ? null : (record.error ?? catalogRead.error ?? stored.error);
  if (load.state === 'loading' && (missing || loadError)) {
    return (
      <section className="screen">
        {loadError ? (
          <LoadFailure
            error={loadError}
            retrying={record.isFetching || catalogRead.isFetching || stored.isFetching}
            onRetry={() => {
              if (record.isError) void record.refetch();
              if (catalogRead.isError) void catalogRead.refetch();
              if (stored.isError) void stored.refetch();
            }}
          />
        ) : (
          <p className="banner banner--error" role="alert">
            {t('intake.notFound')}
          </p>
        )}
        <a href={missing ? hrefOf({ screen: 'patients' }) : hrefOf({ screen: 'patient', id: patientId })}>
          {missing ? t('intake.back') : t('plan.back')}
        </a>
      </section>
    );
  }
  if (load.state === 'loading') return <p className="screen">{t('plan.loading')}</p>;

  const { patient, catalog } = load;
  const byId = catalogIndex(catalog);
  const stayDays = daysBetween(patient.trip.arrival, patient.trip.departure);
  const locale = i18n.language;
  const patientLanguage = consentLanguageOf(patient.languages);
  const timeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

  const addSession = (treatment: TreatmentId) => {
    change((previous) => ({ ...previous, rows: [...previous.rows, { key: newRowKey(), treatment, date: null, time: null }] }));
  };
  const changeRow = (key: string, patch: Partial<Pick<SessionRow, 'date' | 'time' | 'room'>>) => {
    change((previous) => ({
      ...previous,
      rows: previous.rows.map((row) => {
        if (row.key !== key) return row;
        const next = { ...row, ...patch };
        // No room chosen is no room field at all, as plans saved before rooms existed.
        if (!next.room) delete next.room;
        return next;
      }),
    }));
  };
  const moveRow = (key: string, nextVisit: boolean) => {
    change((previous) => ({ ...previous, rows: previous.rows.map((row) => (row.key === key ? withNextVisit(row, nextVisit) : row)) }));
    // What scheduling left for a next visit no longer describes the plan; each row says where it is.
    setNextVisit(null);
  };
  const removeRow = (key: string) => change((previous) => ({ ...previous, rows: previous.rows.filter((row) => row.key !== key) }));
  const acknowledge = (finding: PlanFinding, doctor: string) => {
    change((previous) => ({
      ...previous,
      acknowledgements: [
        ...previous.acknowledgements.filter((ack) => !sameFinding(finding, ack)),
        {
          rule: finding.rule,
          ...(finding.session ? { session: finding.session } : {}),
          treatment: finding.treatment,
          date: finding.date,
          doctor,
          at: new Date().toISOString(),
        },
      ],
    }));
  };
  const withdraw = (finding: PlanFinding) =>
    change((previous) => ({ ...previous, acknowledgements: previous.acknowledgements.filter((ack) => !sameFinding(finding, ack)) }));
  const setDiscount = (treatment: TreatmentId, percent: number | undefined) =>
    change((previous) => {
      const discounts = { ...previous.discounts };
      if (percent === undefined || percent === 0) delete discounts[treatment];
      else discounts[treatment] = percent;
      return { ...previous, discounts };
    });
  const setRate = (rate: Plan['rate']) => change((previous) => ({ ...previous, rate }));

  const status = saving ? t('plan.saving') : dirty ? t('plan.unsaved') : version > 0 ? t('plan.upToDate') : t('plan.notSavedYet');

  return (
    <section className="screen screen--plan" aria-labelledby="plan-title">
      <div className="screen__header screen__header--sticky no-print">
        <a href={hrefOf({ screen: 'patient', id: patientId })} className="back">
          ← {t('plan.back')}
        </a>
        <div className="plan-title">
          <h1 id="plan-title">
            {t('plan.title')}: <span dir="auto">{patient.names.native}</span> · {patient.names.latin}
          </h1>
          <p className="plan-title__sub">
            <span className="plan-title__trip">
              {t('plan.stay', {
                arrival: formatDay(patient.trip.arrival, locale),
                departure: formatDay(patient.trip.departure, locale),
                count: stayDays,
              })}
            </span>
            <span className="decision-support" role="note">
              {t('app.decisionSupport')}
            </span>
          </p>
        </div>
        <div className="topbar__spacer" />
        <a className="button" href={hrefOf({ screen: 'handouts', id: patientId })} data-open-handouts>
          {t('intake.handouts')}
        </a>
        <span
          className="draft-status"
          aria-live="polite"
          data-plan-status={saving ? 'saving' : dirty ? 'dirty' : version > 0 ? 'saved' : 'new'}
        >
          {status}
        </span>
        {dirty && (
          <button type="button" onClick={() => setConfirmDiscard(true)}>
            {t('plan.discard')}
          </button>
        )}
        <button
          type="button"
          className="button--primary"
          onClick={() => void save()}
          disabled={saving}
          aria-keyshortcuts="Control+S"
          data-save-plan
        >
          {saving ? t('plan.saving') : t('plan.save')}
        </button>
      </div>

      <div className="no-print">
        {restoredAt && (
          <p className="banner" role="status">
            {t('plan.restored', { time: timeFormat.format(new Date(restoredAt)) })}
          </p>
        )}
        {banner && (
          <p
            ref={bannerElement}
            className={`banner banner--${banner.kind}`}
            role={banner.kind === 'error' ? 'alert' : 'status'}
            tabIndex={-1}
            data-plan-banner={banner.kind}
          >
            {banner.text}
            {banner.kind === 'error' && banner.reload && (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() => {
                    setBanner(null);
                    void discardDraft().then(readPlanAgain);
                  }}
                >
                  {t('plan.reload')}
                </button>
              </>
            )}
            {banner.kind === 'error' && <ErrorReference reference={banner.reference} />}
          </p>
        )}
        {refusedRows > 0 && banner?.kind !== 'error' && (
          <p className="banner banner--error" role="alert">
            {t('plan.blocksRefused', { count: refusedRows })}
          </p>
        )}
        {live.error && (
          <p className="banner banner--error" role="alert" data-evaluation-error>
            {t('plan.evaluationFailed', { message: live.error.message })}
          </p>
        )}
      </div>

      <div className="tabs no-print" role="tablist" aria-label={t('plan.title')}>
        {(['plan', 'consent'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`plan-tab-${tab}`}
            aria-controls={`plan-tabpanel-${tab}`}
            aria-selected={view === tab}
            tabIndex={view === tab ? 0 : -1}
            onClick={() => setView(tab)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === 'Home' || event.key === 'End') {
                event.preventDefault();
                const next: View = event.key === 'Home' ? 'plan' : event.key === 'End' ? 'consent' : view === 'plan' ? 'consent' : 'plan';
                setView(next);
                document.getElementById(`plan-tab-${next}`)?.focus();
              }
            }}
          >
            {tab === 'plan' ? t('plan.tabs.plan') : t('plan.tabs.consent')}
          </button>
        ))}
      </div>

      <div className="plan" role="tabpanel" id="plan-tabpanel-plan" aria-labelledby="plan-tab-plan" hidden={view !== 'plan'}>
        <div className="plan__sessions">
          <SessionsPanel
            catalog={catalog}
            byId={byId}
            rows={working.rows}
            rooms={rooms}
            evaluation={evaluation}
            language={language}
            rowIssues={visibleRowIssues}
            acknowledgedBy={acknowledgedBy}
            scheduling={scheduling}
            nextVisit={nextVisit}
            onAdd={addSession}
            onChange={changeRow}
            onRemove={removeRow}
            onNextVisit={moveRow}
            onSchedule={() => void schedule()}
          />
        </div>
        <div className="plan__findings">
          <FindingsPanel
            evaluation={evaluation}
            pending={live.pending}
            hasSessions={working.rows.length > 0}
            byId={byId}
            language={language}
            acknowledgedBy={acknowledgedBy}
            onAcknowledge={acknowledge}
            onWithdraw={withdraw}
          />
        </div>
        <div className="plan__quote">
          <QuotePanel
            key={generation}
            patientId={patientId}
            version={version}
            dirty={dirty}
            quote={evaluation?.quote ?? null}
            byId={byId}
            language={language}
            discounts={working.discounts}
            homeCurrency={patient.homeCurrency}
            rate={working.rate}
            today={today}
            onDiscount={setDiscount}
            onRate={setRate}
          />
        </div>
      </div>
      {view === 'plan' && <FollowUpsPanel patientId={patientId} version={version} />}
      <div
        role="tabpanel"
        id="plan-tabpanel-consent"
        aria-labelledby="plan-tab-consent"
        aria-busy={live.pending}
        hidden={view !== 'consent'}
      >
        <ConsentSummaryView consent={evaluation?.consent ?? null} patient={patient} patientLanguage={patientLanguage} />
      </div>

      <ConfirmDialog
        open={confirmDiscard}
        title={t('plan.discardConfirmTitle')}
        body={t('plan.discardConfirmBody')}
        confirmLabel={t('plan.discard')}
        cancelLabel={t('plan.cancel')}
        onCancel={() => setConfirmDiscard(false)}
        onConfirm={() => void discard()}
      />
    </section>
  );
}
