// Aftercare: per treatment in the plan, the seeds' care (what to do, what is normal, what is not: the catalog,
// 001_c6a7195fe076f43f.txt's recovery phases); then day by day, phase by phase (days 1-3, 4-7, week 2, weeks 3-12),
// what goes on the skin, sun, make-up, heat, swimming, alcohol and flying, one regimen per treatment day (the
// strictest instruction of the treatments done that day: aftercare-regimen.ts); then the warning signs and whom to
// call, in Korea and at home.
import type { TreatmentId } from '../../../shared/domain/catalog/catalog-schema';
import { addDays } from '../../../shared/domain/intake/calendar-date';
import type { Block, Slot } from '../layout/handout-blocks';
import { fill, type LanguageTexts } from '../texts/handout-texts';
import { aftercareRegimens, CARE_TOPICS, combinedRegimen, isUsualCare, type PhaseCare, type Regimens } from './aftercare-regimen';
import { emergencyBlock, keptTogether } from './emergency-block';
import { one, plannedItems, range, treatmentOf, type BuildKind, type Formats } from './handout-input';

/** The sessions grouped by treatment day, in date order; a session without a date (not scheduled yet, or at a next
 * visit) is a group of its own treatment. */
export function treatmentDays(
  sessions: readonly { readonly treatment: TreatmentId; readonly date: string | null }[],
): { date: string | null; treatments: TreatmentId[] }[] {
  const dated = new Map<string, TreatmentId[]>();
  const undated: TreatmentId[] = [];
  for (const session of sessions) {
    if (session.date === null) {
      if (!undated.includes(session.treatment)) undated.push(session.treatment);
      continue;
    }
    const day = dated.get(session.date) ?? [];
    if (!day.includes(session.treatment)) day.push(session.treatment);
    dated.set(session.date, day);
  }
  return [
    ...[...dated.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, treatments]) => ({ date, treatments })),
    ...undated.map((treatment) => ({ date: null, treatments: [treatment] })),
  ];
}

function dayByDay(regimens: Regimens, phases: readonly PhaseCare[], date: string | null, texts: LanguageTexts, formats: Formats): Block[] {
  const words = texts.handout.aftercare;
  const topics = words.topics as Record<string, Record<string, string>>;
  const blocks: Block[] = [];
  const lastSpecial = phases.findLastIndex((phase) => !isUsualCare(regimens.levels, phase.care));
  phases.slice(0, lastSpecial + 1).forEach((phase, index) => {
    const label = (words.phases as Record<string, string>)[phase.phase] ?? phase.phase;
    const title =
      date === null
        ? label
        : fill(words.phaseDates, {
            phase: label,
            from: formats.date(addDays(date, phase.fromDay - 1)),
            to: formats.date(addDays(date, phase.toDay - 1)),
          });
    // The first phase says every topic; each later one only what changes, so a reader sees when something is allowed again.
    const before = phases[index - 1];
    const changed = CARE_TOPICS.filter((topic) => !before || before.care[topic] !== phase.care[topic]);
    const items: Slot[] =
      changed.length > 0 ? changed.map((topic) => one(topics[topic]![phase.care[topic]]!, texts)) : [one(words.sameAsBefore, texts)];
    blocks.push({ type: 'heading', level: 2, text: one(title, texts) }, { type: 'list', marker: 'bullet', items });
  });
  const usualFrom = lastSpecial + 1 < phases.length ? phases[lastSpecial + 1]!.fromDay : phases[phases.length - 1]!.toDay + 1;
  blocks.push({
    type: 'paragraph',
    tone: 'strong',
    text: one(
      date === null
        ? fill(words.backToUsualDay, { day: usualFrom })
        : fill(words.backToUsual, { date: formats.date(addDays(date, usualFrom - 1)) }),
      texts,
    ),
  });
  return blocks;
}

export const buildAftercare: BuildKind = (input, texts, formats) => {
  const words = texts.handout.aftercare;
  const sessions = plannedItems(input);
  const blocks: Block[] = [{ type: 'paragraph', text: one(words.intro, texts) }];
  for (const id of [...new Set(sessions.map((item) => item.treatment))]) {
    const treatment = treatmentOf(input, id);
    const care = texts.treatment(id);
    const dates = sessions.filter((item) => item.treatment === id && item.date).map((item) => formats.date(item.date!));
    const downtime = treatment.downtimeDays.value;
    blocks.push(
      { type: 'heading', level: 1, text: one(care.name, texts) },
      ...(dates.length > 0 ? [{ type: 'paragraph' as const, text: one(fill(words.treatedOn, { dates: dates.join(', ') }), texts) }] : []),
      { type: 'paragraph', text: one(downtime.max > 0 ? fill(words.downtime, { range: range(downtime) }) : words.noDowntime, texts) },
      { type: 'paragraph', text: one(words.whatToDo, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.aftercare.map((line) => one(line, texts)) },
      { type: 'paragraph', text: one(words.normal, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.sideEffects.map((line) => one(line, texts)) },
      { type: 'paragraph', text: one(fill(words.months, { range: range(treatment.course.value.sessions) }), texts) },
      { type: 'paragraph', text: one(words.notNormal, texts), tone: 'warning' },
      { type: 'list', marker: 'bullet', items: care.complications.map((line) => one(line, texts)) },
    );
  }
  const regimens = aftercareRegimens();
  treatmentDays(sessions).forEach((day, index) => {
    const names = day.treatments.map((id) => texts.treatment(id).name).join(', ');
    blocks.push(
      {
        type: 'heading',
        level: 1,
        text: one(
          day.date === null
            ? fill(words.dayByDayUndated, { treatments: names })
            : fill(words.dayByDay, { date: formats.date(day.date), treatments: names }),
          texts,
        ),
      },
      ...(index === 0 ? [{ type: 'paragraph' as const, text: one(words.clinicalPractice, texts) }] : []),
      ...dayByDay(regimens, combinedRegimen(regimens, day.treatments), day.date, texts, formats),
    );
  });
  blocks.push(
    { type: 'heading', level: 1, text: one(words.notNormal, texts) },
    { type: 'list', marker: 'bullet', items: words.warningSigns.map((line) => one(line, texts)) },
    { type: 'heading', level: 1, text: one(words.whomToCall, texts) },
    { type: 'paragraph', text: one(words.callClinic, texts) },
    // "In an emergency in Korea, call 119" leads into the numbers and stays on their page.
    ...keptTogether([{ type: 'paragraph', text: one(words.callEmergency, texts), tone: 'warning' }, ...emergencyBlock(input, texts)]),
    { type: 'paragraph', text: one(words.callHome, texts) },
  );
  return { blocks };
};
