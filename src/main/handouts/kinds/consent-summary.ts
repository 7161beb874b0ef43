// Consent summary: per treatment the patient signs for, its purpose, sessions, numbing, recovery, common side
// effects, rare complications and the other options (not having it among them); that results are not guaranteed;
// this patient's conditions in the patient's words, with the doctor's decision where one was made; the patient's
// printed name, an interpreter line, and the statement with the signature lines. Which sessions and findings it
// covers is the domain's consentScope, the same as the consent on screen: an unacknowledged block keeps its
// treatment out, and an open screening question a rule of this plan reads makes it a draft without signature lines.
import { consentScope } from '../../../shared/domain/consent/consent-scope';
import { patientFindingText } from '../../../shared/domain/consent/patient-findings';
import { CLINIC_TIME_ZONE, todayIn } from '../../../shared/domain/intake/calendar-date';
import { evaluatePlan } from '../../../shared/domain/plan/evaluate-plan';
import type { Block } from '../layout/handout-blocks';
import { fill, type LanguageTexts } from '../texts/handout-texts';
import { one, range, treatmentOf, type BuildKind } from './handout-input';

/** The patient's wording; English's when a language lacks one, so a bilingual consent keeps its shape (the locale
 * test fails on the gap). Never the rule's staff message. */
const patientWords = (rule: string, texts: LanguageTexts): string =>
  patientFindingText(rule, texts.language) ?? patientFindingText(rule, 'en') ?? '';

export const buildConsentSummary: BuildKind = (input, texts, formats) => {
  const words = texts.handout.consent;
  const common = texts.handout.common;
  const { findings } = evaluatePlan(
    input.patient,
    input.plan,
    input.catalog,
    input.rules,
    input.settings,
    todayIn(CLINIC_TIME_ZONE, input.now),
  );
  const scope = consentScope(input.plan.items, findings, input.plan.acknowledgements);
  const blocks: Block[] = [];
  // The mark itself heads every page (the kind's `mark`); here, why this is a draft.
  if (scope.draft) {
    blocks.push(
      { type: 'paragraph', text: one(words.draftWhy, texts) },
      {
        type: 'list',
        marker: 'bullet',
        items: scope.openQuestions.map((f) => one(patientWords(f.rule, texts), texts)),
      },
    );
  }
  blocks.push({ type: 'paragraph', text: one(words.intro, texts) });
  for (const id of [...new Set(scope.sessions.map((session) => session.treatment))]) {
    const treatment = treatmentOf(input, id);
    const care = texts.treatment(id);
    const downtime = treatment.downtimeDays.value;
    const alternatives = treatment.alternatives.value
      .filter((alt) => input.catalog.some((t) => t.id === alt))
      .map((alt) => texts.treatment(alt).name);
    blocks.push(
      { type: 'heading', level: 1, text: one(care.name, texts) },
      { type: 'paragraph', text: one(`${words.purpose}: ${care.purpose}`, texts) },
      {
        type: 'paragraph',
        text: one(fill(words.sessions, { count: scope.sessions.filter((session) => session.treatment === id).length }), texts),
      },
      { type: 'paragraph', text: one(`${words.anaesthesia}: ${words.anaesthesiaKinds[treatment.anaesthesia.value]}`, texts) },
      {
        type: 'paragraph',
        text: one(`${words.downtime}: ${downtime.max > 0 ? fill(common.days, { range: range(downtime) }) : common.noDowntime}`, texts),
      },
      { type: 'paragraph', text: one(words.sideEffects, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.sideEffects.map((line) => one(line, texts)) },
      { type: 'paragraph', text: one(words.complications, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.complications.map((line) => one(line, texts)) },
      { type: 'paragraph', text: one(`${words.alternatives}: ${[...alternatives, words.noTreatment].join(', ')}`, texts) },
    );
  }
  blocks.push({ type: 'paragraph', text: one(words.notGuaranteed, texts), tone: 'strong' });
  if (scope.keptOut.length > 0) blocks.push({ type: 'paragraph', text: one(words.notIncluded, texts) });

  const conditions = scope.conditions.map(({ finding, treatments, decision }) => {
    const decided = decision
      ? ` ${fill(words.doctorDecided, { doctor: decision.doctor, date: decision.date ? formats.date(decision.date) : '-' })}`
      : '';
    return one(`${treatments.map((id) => texts.treatment(id).name).join(', ')}: ${patientWords(finding.rule, texts)}${decided}`, texts);
  });
  const { native, latin } = input.patient.names;
  blocks.push(
    { type: 'heading', level: 1, text: one(words.flagged, texts) },
    conditions.length > 0 ? { type: 'list', marker: 'bullet', items: conditions } : { type: 'paragraph', text: one(words.noFlags, texts) },
    {
      type: 'paragraph',
      text: one(fill(words.printedName, { name: native === latin ? latin : `${native} (${latin})` }), texts),
      tone: 'strong',
    },
    { type: 'paragraph', text: one(words.interpreter, texts) },
  );
  // Nothing to sign for (every treatment waits for the doctor) is no more a consent to sign than a draft is.
  // In place of the signature lines, the mark again.
  if (scope.draft || scope.sessions.length === 0) {
    blocks.push({ type: 'paragraph', text: one(words.draft, texts), tone: 'warning' });
    return { blocks, mark: words.draft };
  }
  blocks.push(
    // The statement is set as a heading: the layout keeps a heading on the page of what follows it, so the
    // statement and the signature lines that sign it are never split across pages.
    { type: 'heading', level: 2, text: one(words.statement, texts) },
    {
      type: 'signatures',
      roles: [one(words.patient, texts), one(words.interpreterRole, texts), one(words.coordinator, texts), one(words.doctor, texts)],
      signature: one(words.signature, texts),
      date: one(words.date, texts),
    },
  );
  return { blocks };
};
