// Pre-care checklist, dated from the first session: the seeds' general checklist (002_d65572b616b5df97.txt:
// sun 2 weeks before, retinoids and exfoliants 1 week, alcohol and smoking 24-48 hours, hydration and rest, no
// make-up on the day), the patient's own findings the doctor will go over (the same ones the consent summary
// lists, next-visit sessions included), then each treatment's own preparation from the catalog.
import { patientConditionFindings } from '../../../shared/domain/consent/consent-summary';
import { patientFindingText } from '../../../shared/domain/consent/patient-findings';
import { CLINIC_TIME_ZONE, addDays, todayIn } from '../../../shared/domain/intake/calendar-date';
import { evaluatePlan } from '../../../shared/domain/plan/evaluate-plan';
import type { Block } from '../layout/handout-blocks';
import { fill } from '../texts/handout-texts';
import { plannedItems, one, planTreatments, type BuildKind } from './handout-input';

/** Days before the first session each general step starts, from the seeds' checklist. */
const GENERAL_STEPS = [
  { key: 'sun', daysBefore: 14 },
  { key: 'retinoids', daysBefore: 7 },
  { key: 'alcohol', daysBefore: 2 },
  { key: 'rest', daysBefore: 1 },
  { key: 'makeup', daysBefore: 0 },
] as const;

export function firstSessionDate(dates: readonly (string | null)[], arrival: string): string {
  const scheduled = dates.filter((date): date is string => date !== null).sort();
  return scheduled[0] ?? arrival;
}

export const buildPrecare: BuildKind = (input, texts, formats) => {
  const words = texts.handout.precare;
  const first = firstSessionDate(
    plannedItems(input).map((item) => item.date),
    input.patient.trip.arrival,
  );
  const blocks: Block[] = [{ type: 'paragraph', text: one(fill(words.intro, { date: formats.date(first) }), texts) }];
  for (const step of GENERAL_STEPS) {
    const when = step.daysBefore === 0 ? words.onTheDay : fill(words.byDate, { date: formats.date(addDays(first, -step.daysBefore)) });
    blocks.push(
      { type: 'heading', level: 2, text: one(when, texts) },
      { type: 'list', marker: 'checkbox', items: [one(words.general[step.key], texts)] },
    );
  }
  blocks.push({ type: 'list', marker: 'checkbox', items: [one(words.tellDoctor, texts)] });
  const findings = evaluatePlan(
    input.patient,
    input.plan,
    input.catalog,
    input.rules,
    input.settings,
    todayIn(CLINIC_TIME_ZONE, input.now),
  ).findings;
  // In the patient's words (what the condition means for the treatment), never the rules' staff instructions.
  const flagged = [
    ...new Set(
      patientConditionFindings(findings).flatMap(
        (f) => patientFindingText(f.rule, texts.language) ?? patientFindingText(f.rule, 'en') ?? [],
      ),
    ),
  ];
  if (flagged.length > 0) {
    blocks.push(
      { type: 'heading', level: 2, text: one(words.doctorWillCheck, texts) },
      { type: 'list', marker: 'bullet', items: flagged.map((line) => one(line, texts)) },
    );
  }
  for (const id of planTreatments(input)) {
    const care = texts.treatment(id);
    blocks.push(
      { type: 'heading', level: 1, text: one(fill(words.forTreatment, { treatment: care.name }), texts) },
      { type: 'list', marker: 'checkbox', items: care.preCare.map((line) => one(line, texts)) },
    );
  }
  return { blocks };
};
