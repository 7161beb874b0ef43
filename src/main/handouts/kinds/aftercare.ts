// Aftercare: per treatment in the plan, by phase (the seeds' recovery phases: first 1-3 days, 1-2 weeks, 3-6
// months, 001_c6a7195fe076f43f.txt): what to do, what is normal, what is not; then the warning signs and whom
// to call, in Korea and at home.
import type { Block } from '../layout/handout-blocks';
import { fill } from '../texts/handout-texts';
import { emergencyBlock } from './emergency-block';
import { activeItems, one, planTreatments, range, treatmentOf, type BuildKind } from './handout-input';

export const buildAftercare: BuildKind = (input, texts, formats) => {
  const words = texts.handout.aftercare;
  const blocks: Block[] = [{ type: 'paragraph', text: one(words.intro, texts) }];
  for (const id of planTreatments(input)) {
    const treatment = treatmentOf(input, id);
    const care = texts.treatment(id);
    const dates = activeItems(input).filter((item) => item.treatment === id && item.date).map((item) => formats.date(item.date!));
    const downtime = treatment.downtimeDays.value;
    blocks.push(
      { type: 'heading', level: 1, text: one(care.name, texts) },
      ...(dates.length > 0 ? [{ type: 'paragraph' as const, text: one(fill(words.treatedOn, { dates: dates.join(', ') }), texts) }] : []),
      { type: 'paragraph', text: one(downtime.max > 0 ? fill(words.downtime, { range: range(downtime) }) : words.noDowntime, texts) },
      { type: 'heading', level: 2, text: one(words.phaseDays, texts) },
      { type: 'paragraph', text: one(words.whatToDo, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.aftercare.map((line) => one(line, texts)) },
      { type: 'paragraph', text: one(words.normal, texts), tone: 'strong' },
      { type: 'list', marker: 'bullet', items: care.sideEffects.map((line) => one(line, texts)) },
      { type: 'heading', level: 2, text: one(words.phaseWeeks, texts) },
      { type: 'paragraph', text: one(words.weeks[treatment.category], texts) },
      { type: 'heading', level: 2, text: one(words.phaseMonths, texts) },
      { type: 'paragraph', text: one(fill(words.months, { range: range(treatment.course.value.sessions) }), texts) },
      { type: 'paragraph', text: one(words.notNormal, texts), tone: 'warning' },
      { type: 'list', marker: 'bullet', items: care.complications.map((line) => one(line, texts)) },
    );
  }
  blocks.push(
    { type: 'heading', level: 1, text: one(words.notNormal, texts) },
    { type: 'list', marker: 'bullet', items: words.warningSigns.map((line) => one(line, texts)) },
    { type: 'heading', level: 1, text: one(words.whomToCall, texts) },
    { type: 'paragraph', text: one(words.callClinic, texts) },
    ...emergencyBlock(input, texts),
    { type: 'paragraph', text: one(words.callEmergency, texts), tone: 'warning' },
    { type: 'paragraph', text: one(words.callHome, texts) },
  );
  return { blocks };
};
