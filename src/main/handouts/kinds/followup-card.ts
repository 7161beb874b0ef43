// Follow-up card: when the clinic will check in after the flight home, on the patient's own clock, what it will
// ask, how to reach the clinic, and Korea's emergency numbers from the seeds (119, 1339, 1345:
// 002_d65572b616b5df97.txt).
import { planFollowUps } from '../../../shared/domain/followups/followup-schedule';
import type { Block } from '../layout/handout-blocks';
import { fill } from '../texts/handout-texts';
import { clinicContactList } from './clinic-contact';
import { keptTogether } from './emergency-block';
import { activeItems, one, type BuildKind } from './handout-input';

export const buildFollowUpCard: BuildKind = (input, texts, formats) => {
  const words = texts.handout.followup;
  const steps = texts.followUps.steps as Record<string, { label: string; ask: string }>;
  const { patient } = input;
  const planned = planFollowUps(
    activeItems(input).map((item) => item.treatment),
    patient.trip.departure,
    patient.homeTimeZone,
    input.followUps,
    input.catalog,
  );
  const blocks: Block[] = [
    { type: 'paragraph', text: one(fill(words.intro, { zone: patient.homeTimeZone }), texts) },
    {
      type: 'table',
      widths: [0.32, 0.68],
      header: [one(words.when, texts), one(words.what, texts)],
      rows: planned.map((followUp) => [
        one(formats.dateTime(followUp.dueAt, patient.homeTimeZone), texts),
        one(`${steps[followUp.step]?.label ?? followUp.step}: ${steps[followUp.step]?.ask ?? ''}`, texts),
      ]),
    },
    ...keptTogether([
      { type: 'heading', level: 1, text: one(words.contact, texts) },
      ...clinicContactList(input, texts),
      { type: 'heading', level: 1, text: one(words.emergencyTitle, texts) },
      { type: 'list', marker: 'bullet', items: [one(words.e119, texts), one(words.e1339, texts), one(words.e1345, texts)] },
    ]),
  ];
  return { blocks };
};
