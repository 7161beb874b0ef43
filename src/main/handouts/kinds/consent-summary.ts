// Consent summary: the plan issue's summary (purpose, sessions, recovery, common side effects, rare
// complications, other options) per treatment, this patient's flagged conditions, and signature and date lines
// for the patient, the coordinator and the doctor.
import { CLINIC_TIME_ZONE, todayIn } from '../../../shared/domain/intake/calendar-date';
import { patientConditionFindings } from '../../../shared/domain/consent/consent-summary';
import { evaluatePlan } from '../../../shared/domain/plan/evaluate-plan';
import type { Block } from '../layout/handout-blocks';
import { fill } from '../texts/handout-texts';
import { one, planTreatments, range, treatmentOf, type BuildKind } from './handout-input';

export const buildConsentSummary: BuildKind = (input, texts) => {
  const words = texts.handout.consent;
  const common = texts.handout.common;
  const evaluation = evaluatePlan(input.patient, input.plan, input.catalog, input.rules, input.settings, todayIn(CLINIC_TIME_ZONE, input.now));
  const { findings } = evaluation;
  // The count the screen's consent summary shows, from the plan's parts: never a second count of its own.
  const sessionsOf = (id: string) => evaluation.consent.en.treatments.find((treatment) => treatment.id === id)?.sessions ?? 0;
  const flagged = [...new Set(patientConditionFindings(findings).map((f) => texts.rule(f.rule, f.message.en)))];
  const blocks: Block[] = [{ type: 'paragraph', text: one(words.intro, texts) }];
  for (const id of planTreatments(input)) {
    const treatment = treatmentOf(input, id);
    const care = texts.treatment(id);
    const downtime = treatment.downtimeDays.value;
    const alternatives = treatment.alternatives.value.filter((alt) => input.catalog.some((t) => t.id === alt)).map((alt) => texts.treatment(alt).name);
    blocks.push(
      { type: 'heading', level: 1, text: one(care.name, texts) },
      { type: 'paragraph', text: one(`${words.purpose}: ${care.purpose}`, texts) },
      { type: 'paragraph', text: one(fill(words.sessions, { count: sessionsOf(id) }), texts) },
      { type: 'paragraph', text: one(`${words.downtime}: ${downtime.max > 0 ? fill(common.days, { range: range(downtime) }) : common.noDowntime}`, texts) },
      { type: 'paragraph', text: one(words.sideEffects, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.sideEffects.map((line) => one(line, texts)) },
      { type: 'paragraph', text: one(words.complications, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.complications.map((line) => one(line, texts)) },
      ...(alternatives.length > 0 ? [{ type: 'paragraph' as const, text: one(`${words.alternatives}: ${alternatives.join(', ')}`, texts) }] : []),
    );
  }
  blocks.push(
    { type: 'heading', level: 1, text: one(words.flagged, texts) },
    flagged.length > 0
      ? { type: 'list', marker: 'bullet', items: flagged.map((line) => one(line, texts)) }
      : { type: 'paragraph', text: one(words.noFlags, texts) },
    { type: 'paragraph', text: one(words.statement, texts), tone: 'strong' },
    {
      type: 'signatures',
      roles: [one(words.patient, texts), one(words.coordinator, texts), one(words.doctor, texts)],
      signature: one(words.signature, texts),
      date: one(words.date, texts),
    },
  );
  return { blocks };
};
