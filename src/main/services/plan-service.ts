// Treatment plans: a patient's plan with its findings, quote and consent summary; scheduling it inside the stay;
// saving it only when every blocking finding has a named doctor's acknowledgement (with the follow-ups it implies); the clinic's settings; and
// the same checks on a case file for the CLI.
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import type { PatientIntake } from '../../shared/domain/intake/patient-schema';
import { changedPaths } from '../../shared/domain/audit/changed-paths';
import { planFollowUps } from '../../shared/domain/followups/followup-schedule';
import { evaluatePlan, planFindings, type PlanEvaluation } from '../../shared/domain/plan/evaluate-plan';
import type { SessionListing } from '../../shared/contract/plans';
import { applySchedule } from '../../shared/domain/plan/apply-schedule';
import { plannedSessions } from '../../shared/domain/plan/plan-parts';
import type { SentQuote } from '../../shared/domain/plan/quote-versions';
import { missingPrices } from '../../shared/domain/plan/quote-view';
import { planSchema, type Plan } from '../../shared/domain/plan/plan-schema';
import { whyNotDone } from '../../shared/domain/plan/session-done-policy';
import { sessionConflicts } from '../../shared/domain/schedule/session-conflicts';
import { checkPlan } from '../../shared/domain/rules/check-plan';
import { checkSchedule, schedulePlan } from '../../shared/domain/schedule/schedule-plan';
import { clinicSettingsSchema, defaultClinicSettings, type ClinicSettings } from '../../shared/domain/settings/clinic-settings';
import { clinicalContent } from '../content/clinical-content';
import type { Repositories } from '../db/store/store';
import { refuseIfConsentWithdrawn, refuseIfRestricted } from './patients-service';
import { refuseUnlessAdmin } from './roles/admin-gate';
import type { ServiceContext } from './service-context';

export const SETTINGS_KEY = 'clinic';
const EMPTY_PLAN: Plan = { items: [], acknowledgements: [], discounts: {}, rate: null };

/** The clinic's saved settings, or the defaults when none are saved yet. */
export async function clinicSettingsOf(tx: Repositories): Promise<ClinicSettings> {
  const stored = clinicSettingsSchema.safeParse(await tx.plans.getSetting(SETTINGS_KEY));
  return stored.success ? stored.data : defaultClinicSettings(clinicalContent().catalog);
}

/** The quote versions a patient was sent, newest first, as kept. */
export async function quoteVersionsOf(tx: Repositories, patientSeq: number): Promise<SentQuote[]> {
  return (await tx.quotes.versions(patientSeq)).map((row) => ({ ...row, quote: row.quote as SentQuote['quote'] }));
}

export function createPlanService(context: ServiceContext) {
  const today = () => todayIn(CLINIC_TIME_ZONE, context.now());
  /** Pure: the settings are read by the caller, in its transaction. */
  const evaluate = (patient: PatientIntake, plan: Plan, settings: ClinicSettings): PlanEvaluation => {
    const { catalog, rules } = clinicalContent();
    return evaluatePlan(patient, plan, catalog, rules, settings, today());
  };
  /** The patient's record, plan row and the clinic's settings, or null when there is no such patient. */
  const load = async (tx: Repositories, patientId: string) => {
    const record = await tx.patients.get(patientId);
    const seq = await tx.patients.seqOf(patientId);
    if (!record || seq === undefined) return null;
    const stored = await tx.plans.get(seq);
    const plan = stored ? planSchema.parse(stored.plan) : EMPTY_PLAN;
    return { patient: record.patient, seq, plan, version: stored?.version ?? 0, settings: await clinicSettingsOf(tx) };
  };
  const missing = (patientId: string) => fail('not_found', `No patient with id ${patientId}.`);

  const handlers = {
    getCatalog() {
      return ok(clinicalContent().catalog);
    },

    async getPatientPlan({ patientId }) {
      // Opening a plan is logged, in the same transaction as the read.
      const found = await context.store.transaction(async (tx) => {
        const loaded = await load(tx, patientId);
        if (loaded) await tx.audit.record('plan.open', patientId);
        return loaded;
      });
      if (!found) return missing(patientId);
      return ok({ plan: found.plan, version: found.version, evaluation: evaluate(found.patient, found.plan, found.settings) });
    },

    async evaluatePatientPlan({ patientId, plan }) {
      const found = await context.store.read((tx) => load(tx, patientId));
      if (!found) return missing(patientId);
      return ok(evaluate(found.patient, plan, found.settings));
    },

    async schedulePatientPlan({ patientId, plan }) {
      const found = await context.store.read((tx) => load(tx, patientId));
      if (!found) return missing(patientId);
      const { trip } = found.patient;
      const schedule = schedulePlan(
        { arrival: trip.arrival, departure: trip.departure, today: today(), items: plan.items },
        clinicalContent().catalog,
        found.settings.hours,
      );
      const scheduled: Plan = { ...plan, items: applySchedule(plan.items, schedule, context.newId) };
      return ok({
        plan: scheduled,
        version: found.version,
        evaluation: evaluate(found.patient, scheduled, found.settings),
        nextVisit: schedule.nextVisit,
      });
    },

    async savePatientPlan({ patientId, expectedVersion, plan }) {
      // Every check that decides the save (the patient, the restriction, the consent, the findings against the
      // record and settings as they are now) is made inside the transaction that saves.
      return context.store.transaction(async (tx) => {
        const found = await load(tx, patientId);
        if (!found) return missing(patientId);
        const refused = (await refuseIfRestricted(tx, patientId, ['patientId'])) ?? refuseIfConsentWithdrawn(found.patient, ['patientId']);
        if (refused) return refused;
        const now = context.now();
        const notYet = plan.items.flatMap((item, index) => {
          const refusal = item.status === 'done' ? whyNotDone(item, now) : null;
          return refusal ? [issue(['plan', 'items', index, 'status'], refusal)] : [];
        });
        if (notYet.length > 0) return invalid(notYet);
        const evaluation = evaluate(found.patient, plan, found.settings);
        const unacknowledged = evaluation.findings.filter((f) => f.severity === 'block' && f.acknowledgedBy === null);
        if (unacknowledged.length > 0) {
          const indexes = new Set(
            unacknowledged.map((f) =>
              plan.items.findIndex((item) =>
                f.session !== undefined ? item.id === f.session : item.treatment === f.treatment && item.date === f.date,
              ),
            ),
          );
          return invalid([...indexes].map((index) => issue(['plan', 'items', Math.max(0, index)], 'block_not_acknowledged')));
        }
        const { catalog, followUps: schedule } = clinicalContent();
        // The follow-ups of the sessions that will happen: a cancelled one asks after nothing (plan-parts.ts).
        const followUps = planFollowUps(
          plannedSessions(plan.items).map((item) => item.treatment),
          found.patient.trip.departure,
          found.patient.homeTimeZone,
          schedule,
          catalog,
        );
        const saved = await tx.plans.save(found.seq, plan, expectedVersion, context.now().toISOString(), await context.actor(tx));
        if (saved === 'conflict') return fail('conflict', 'This plan was saved elsewhere after you opened it.');
        // The follow-ups after the flight follow the plan: made with it, remade when it changes.
        await tx.followUps.replaceOpen(found.seq, followUps, context.newId);
        await tx.audit.record('plan.save', patientId, changedPaths(found.plan, plan));
        return ok({ plan, version: expectedVersion + 1, evaluation });
      });
    },

    async listSessions({ from, to }) {
      const { catalog, rules } = clinicalContent();
      // The plans and their patients in one snapshot; the checks run after it.
      const { clinic, rows } = await context.store.read(async (tx) => {
        const plans = await tx.plans.withSessionsBetween(from, to);
        const withPatients: ((typeof plans)[number] & { patient: PatientIntake | undefined })[] = [];
        for (const row of plans) withPatients.push({ ...row, patient: (await tx.patients.get(row.patientId))?.patient });
        return { clinic: await clinicSettingsOf(tx), rows: withPatients };
      });
      const minutesById = new Map(catalog.map((treatment) => [treatment.id, Math.ceil(treatment.sessionMinutes.value.max)]));
      const sessions: SessionListing[] = [];
      for (const row of rows) {
        const parsed = planSchema.safeParse(row.plan);
        if (!parsed.success) continue;
        // The plan's checks, run as the plan screen runs them, so a moved session shows what its new date triggers.
        const { patient } = row;
        const findings = patient ? planFindings(patient, parsed.data, catalog, rules, clinic, today()) : [];
        parsed.data.items.forEach((item, index) => {
          if (item.date === null || item.date < from || item.date > to) return;
          sessions.push({
            patientId: row.patientId,
            nativeName: row.nativeName,
            latinName: row.latinName,
            index,
            sessionId: item.id,
            treatment: item.treatment,
            date: item.date,
            time: item.time ?? null,
            minutes: minutesById.get(item.treatment) ?? 0,
            status: item.status ?? 'scheduled',
            record: item.record ?? null,
            version: row.version,
            room: item.room ?? null,
            conflicts: [],
            roomConflicts: [],
            findings: findings
              // Each session's own findings, by its id: a cancelled one has none (plan-parts.ts).
              .filter((finding) => finding.session === item.id)
              .flatMap((finding) =>
                finding.severity === 'block' || finding.severity === 'caution'
                  ? [{ rule: finding.rule, severity: finding.severity, message: finding.message, acknowledgedBy: finding.acknowledgedBy }]
                  : [],
              ),
          });
        });
      }
      const keyOf = (session: { patientId: string; index: number }) => `${session.patientId}:${session.index}`;
      const clashes = sessionConflicts(
        sessions.map((session) => ({
          key: keyOf(session),
          patientId: session.patientId,
          date: session.date,
          time: session.time,
          minutes: session.minutes,
          room: session.room,
          occupies: session.status === 'scheduled' || session.status === 'done',
        })),
      );
      const byKey = new Map(sessions.map((session) => [keyOf(session), session]));
      const listed = sessions.map((session) => {
        const clash = clashes.get(keyOf(session));
        return {
          ...session,
          conflicts: (clash?.samePatient ?? []).map((key) => byKey.get(key)!.index).sort((a, b) => a - b),
          roomConflicts: (clash?.sameRoom ?? []).map((key) => ({ patientId: byKey.get(key)!.patientId, index: byKey.get(key)!.index })),
        };
      });
      return ok(listed.sort(bySessionTime));
    },

    async setSessionStatus({ patientId, index: at, sessionId, expectedVersion, status, record }) {
      return context.store.transaction(async (tx) => {
        const found = await load(tx, patientId);
        if (!found) return missing(patientId);
        const restricted = await refuseIfRestricted(tx, patientId, ['patientId']);
        if (restricted) return restricted;
        // By the session's id when the caller has it: a status belongs to a session, wherever it now stands.
        const index = sessionId === undefined ? at : found.plan.items.findIndex((item) => item.id === sessionId);
        if (sessionId !== undefined && index < 0) return invalid([issue(['sessionId'], 'invalid')]);
        const item = found.plan.items[index];
        if (!item) return invalid([issue(['index'], 'invalid')]);
        const notYet = status === 'done' ? whyNotDone(item, context.now()) : null;
        if (notYet) return invalid([issue(['status'], notYet)]);
        // Each attached photo must be one of this patient's, of the angle it is attached as.
        const attached = Object.entries(record?.photos ?? {});
        if (attached.length > 0) {
          const photos = new Map((await tx.photos.listByPatient(found.seq)).map((photo) => [photo.id, photo]));
          const wrong = attached.flatMap(([angle, id]) => {
            const photo = photos.get(id!);
            if (!photo) return [issue(['record', 'photos', angle], 'photo_not_found')];
            return photo.angle === angle ? [] : [issue(['record', 'photos', angle], 'invalid')];
          });
          if (wrong.length > 0) return invalid(wrong);
        }
        const { record: _previous, ...rest } = item;
        const next = status === 'done' && record ? { ...rest, status, record } : { ...rest, status };
        const plan: Plan = { ...found.plan, items: found.plan.items.map((old, at) => (at === index ? next : old)) };
        const saved = await tx.plans.save(found.seq, plan, expectedVersion, context.now().toISOString(), await context.actor(tx));
        if (saved === 'conflict') return fail('conflict', 'This plan was saved elsewhere after you opened it.');
        await tx.audit.record('session.record', patientId, changedPaths(found.plan, plan));
        return ok({ plan, version: expectedVersion + 1, evaluation: evaluate(found.patient, plan, found.settings) });
      });
    },

    async markQuoteSent({ patientId, expectedVersion }) {
      return context.store.transaction(async (tx) => {
        const found = await load(tx, patientId);
        if (!found) return missing(patientId);
        const refused = (await refuseIfRestricted(tx, patientId, ['patientId'])) ?? refuseIfConsentWithdrawn(found.patient, ['patientId']);
        if (refused) return refused;
        // What is sent is the saved plan the coordinator has on screen, never unsaved edits nor a later save.
        if (found.version !== expectedVersion) return fail('conflict', 'Save the plan first: the quote sent must be the saved one.');
        const { quote } = evaluate(found.patient, found.plan, found.settings);
        const unpriced = missingPrices(quote);
        if (unpriced.length > 0) return invalid(unpriced.map((id) => issue(['settings', 'prices', id], 'price_missing')));
        const sentAt = context.now().toISOString();
        const sentBy = await context.actor(tx);
        const version = await tx.quotes.add(found.seq, found.version, quote, sentAt, sentBy);
        await tx.audit.record('quote.send', patientId, [`quote-${version}`]);
        return ok({ version, planVersion: found.version, quote, sentAt, sentBy });
      });
    },

    async listQuoteVersions({ patientId }) {
      const versions = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        return seq === undefined ? null : quoteVersionsOf(tx, seq);
      });
      return versions ? ok(versions) : missing(patientId);
    },

    async getClinicSettings() {
      return ok(await context.store.read((tx) => clinicSettingsOf(tx)));
    },

    async saveClinicSettings({ settings: next }) {
      const session = context.session;
      return context.store.transaction(async (tx) => {
        // The clinic's hours, VAT and prices are an admin's (coordinator-roles.ts).
        const refused = await refuseUnlessAdmin(tx, session, 'settings', 'settings');
        if (refused) return refused;
        const before = await clinicSettingsOf(tx);
        await tx.plans.putSetting(SETTINGS_KEY, next, context.now().toISOString());
        await tx.audit.record('settings.save', null, changedPaths(before, next));
        return ok(next);
      });
    },

    async listPlanVersions({ patientId }) {
      const versions = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        return seq === undefined ? null : tx.plans.versions(seq);
      });
      if (!versions) return missing(patientId);
      // Each kept version as it was saved: the record is amended by new versions, never overwritten.
      return ok(versions.map((kept) => ({ ...kept, plan: planSchema.parse(kept.plan) })));
    },

    async checkCasePlan({ caseFile }) {
      const { catalog, rules } = clinicalContent();
      const { photos: _photos, ...patient } = caseFile.patient;
      const sessions = caseFile.plan?.items ?? [];
      const { hours } = await context.store.read((tx) => clinicSettingsOf(tx));
      return ok({
        findings: [...checkSchedule(patient.trip, sessions, catalog, hours), ...checkPlan(patient, sessions, catalog, rules, today())],
      });
    },

    async scheduleCasePlan({ caseFile }) {
      const { catalog, rules } = clinicalContent();
      const { photos: _photos, ...patient } = caseFile.patient;
      const { hours } = await context.store.read((tx) => clinicSettingsOf(tx));
      const schedule = schedulePlan(
        { arrival: patient.trip.arrival, departure: patient.trip.departure, today: today(), items: caseFile.plan?.items ?? [] },
        catalog,
        hours,
      );
      // The sessions left for a next visit are checked too: a rule whose window outlasts the stay names its first day.
      const checked = [
        ...schedule.sessions,
        ...schedule.nextVisit.flatMap(({ treatment, sessions }) =>
          Array.from({ length: sessions }, () => ({ treatment, date: null, nextVisit: true })),
        ),
      ];
      return ok({ ...schedule, findings: [...schedule.findings, ...checkPlan(patient, checked, catalog, rules, today())] });
    },
  } satisfies Pick<
    Handlers,
    | 'getCatalog'
    | 'getPatientPlan'
    | 'evaluatePatientPlan'
    | 'schedulePatientPlan'
    | 'savePatientPlan'
    | 'getClinicSettings'
    | 'saveClinicSettings'
    | 'checkCasePlan'
    | 'scheduleCasePlan'
    | 'listSessions'
    | 'setSessionStatus'
    | 'listPlanVersions'
    | 'markQuoteSent'
    | 'listQuoteVersions'
  >;
  return handlers;
}

/** By day, then time (untimed sessions last in their day), then patient. */
function bySessionTime(a: SessionListing, b: SessionListing): number {
  return (
    a.date.localeCompare(b.date) ||
    (a.time ?? '99:99').localeCompare(b.time ?? '99:99') ||
    a.latinName.localeCompare(b.latinName) ||
    a.index - b.index
  );
}
