// What a consent covers, decided once for the consent on screen and the consent handout: the sessions the patient
// can sign for, the treatments kept out, the patient's conditions with what the doctor decided, and the open
// screening questions that make it a draft.
// - A block nobody acknowledged keeps its session out: the patient does not sign for what the doctor has not decided.
// - A block or caution a doctor acknowledged is printed with the doctor's name and the date of the decision.
// - A question a rule of this plan still needs answered (the rules' "-not-asked" and "screening-incomplete"
//   findings, which fire only for the plan's treatments) makes the consent a draft; an open question no rule of
//   the plan reads raises no finding, so it does not hold the consent back.
// - Scheduling findings and notes (severity info) are the clinic's, not conditions the patient signs for.
import { doctorWithoutTitle } from './doctor-name';
import type { TreatmentId } from '../catalog/catalog-schema';
import { CLINIC_TIME_ZONE, todayIn } from '../intake/calendar-date';
import { plannedSessions, type PartedSession } from '../plan/plan-parts';
import { sameFinding } from '../plan/same-finding';
import type { Finding } from '../rules/check-plan';

export interface ConsentSession extends PartedSession {
  readonly date: string | null;
}

export interface ConsentAcknowledgement {
  readonly rule: string;
  /** The session it was made for; absent on acknowledgements made before sessions had ids. */
  readonly session?: string;
  readonly treatment: TreatmentId;
  readonly date: string | null;
  readonly doctor: string;
  /** ISO instant of the decision; null when only the doctor's name is known. */
  readonly at: string | null;
}

export interface ConsentCondition<F extends Finding> {
  readonly finding: F;
  /** The treatments it concerns: one condition with the same decision (or none) is said once for all of them. */
  readonly treatments: readonly TreatmentId[];
  /** The doctor who reviewed it and kept the treatment, and the day (Korea) they did; null: not acknowledged. */
  readonly decision: { readonly doctor: string; readonly date: string | null } | null;
}

export interface ConsentScope<S extends ConsentSession, F extends Finding> {
  /** The sessions the patient signs for, in plan order. */
  readonly sessions: readonly S[];
  /** Treatments of the plan none of whose sessions can be signed for yet. */
  readonly keptOut: readonly TreatmentId[];
  /** One per rule and decision, on the sessions signed for. */
  readonly conditions: readonly ConsentCondition<F>[];
  /** One per rule: the questions still to ask. */
  readonly openQuestions: readonly F[];
  readonly draft: boolean;
}

export const isOpenQuestion = (rule: string): boolean => rule === 'screening-incomplete' || rule.endsWith('-not-asked');

const isPatientCondition = (finding: Finding): boolean => finding.severity !== 'info' && !finding.rule.startsWith('schedule-');

const concerns = (finding: Finding, session: ConsentSession): boolean =>
  finding.treatment === session.treatment && finding.date === session.date;

export function consentScope<S extends ConsentSession, F extends Finding>(
  planSessions: readonly S[],
  findings: readonly F[],
  acknowledgements: readonly ConsentAcknowledgement[],
): ConsentScope<S, F> {
  // By the session's id, as the findings panel and the save check match it: an acknowledgement follows its session
  // to a new date.
  const acknowledgementOf = (finding: F) => acknowledgements.find((ack) => sameFinding(finding, ack));
  // The plan's parts decide which sessions count (plan-parts.ts): a cancelled one is never signed for.
  const active = plannedSessions(planSessions);
  const held = (session: S) => findings.some((f) => f.severity === 'block' && concerns(f, session) && !acknowledgementOf(f));
  const sessions = active.filter((session) => !held(session));
  const keptOut = [...new Set(active.map((session) => session.treatment))].filter(
    (id) => !sessions.some((session) => session.treatment === id),
  );

  const onSigned = findings.filter((f) => sessions.some((session) => concerns(f, session)));
  const openQuestions = uniqueBy(
    findings.filter((f) => isOpenQuestion(f.rule) && active.some((session) => concerns(f, session))),
    (f) => f.rule,
  );
  const perTreatment = uniqueBy(
    onSigned.filter((f) => isPatientCondition(f) && !isOpenQuestion(f.rule)),
    (f) => `${f.rule}\u0000${f.treatment}`,
  ).map((finding) => {
    // Of several sessions with the same finding, the latest decision speaks for the treatment.
    const decisions = onSigned
      .filter((f) => f.rule === finding.rule && f.treatment === finding.treatment)
      .map(acknowledgementOf)
      .filter((ack): ack is ConsentAcknowledgement => ack !== undefined)
      .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
    const ack = decisions[0];
    return {
      finding,
      decision: ack
        ? { doctor: doctorWithoutTitle(ack.doctor), date: ack.at === null ? null : todayIn(CLINIC_TIME_ZONE, new Date(ack.at)) }
        : null,
    };
  });
  const conditions: ConsentCondition<F>[] = [];
  for (const { finding, decision } of perTreatment) {
    const same = conditions.find((c) => c.finding.rule === finding.rule && JSON.stringify(c.decision) === JSON.stringify(decision));
    if (same) (same.treatments as TreatmentId[]).push(finding.treatment);
    else conditions.push({ finding, treatments: [finding.treatment], decision });
  }
  return { sessions, keptOut, conditions, openQuestions, draft: openQuestions.length > 0 };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
