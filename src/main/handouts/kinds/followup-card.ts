// Follow-up card: when the clinic will check in after the flight home, on the patient's own clock, what it will
// ask, each done session's device and settings (what a doctor at home needs to know what was done), how to reach
// the clinic, and Korea's emergency numbers from the seeds (119, 1339, 1345: 002_d65572b616b5df97.txt).
import { planFollowUps } from '../../../shared/domain/followups/followup-schedule';
import type { Block } from '../layout/handout-blocks';
import { fill } from '../texts/handout-texts';
import { clinicContactList } from './clinic-contact';
import { keptTogether } from './emergency-block';
import { one, plannedItems, type BuildKind, type Formats, type HandoutInput } from './handout-input';
import type { LanguageTexts } from '../texts/handout-texts';

/** The done sessions with their record, date order: device and settings as the doctor wrote them (they are the
 * clinic's notes, in the clinic's words, e.g. "fluence: 1.2 J/cm²"), with the treating doctor. */
function doneSessions(input: HandoutInput, texts: LanguageTexts, formats: Formats): Block[] {
  const words = texts.handout.followup;
  const done = input.plan.items
    .filter((item) => item.status === 'done' && item.record)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  if (done.length === 0) return [];
  return [
    { type: 'heading', level: 1, text: one(words.doneTitle, texts) },
    { type: 'paragraph', text: one(words.doneIntro, texts) },
    {
      type: 'table',
      widths: [0.2, 0.24, 0.22, 0.34],
      header: [one(words.date, texts), one(words.treatment, texts), one(words.device, texts), one(words.settings, texts)],
      rows: done.map((item) => {
        const record = item.record!;
        const settings = Object.entries(record.settings).map(([key, value]) => `${key}: ${value}`);
        return [
          one(item.date ? formats.date(item.date) : '-', texts),
          one(`${texts.treatment(item.treatment).name} (${record.doctor})`, texts),
          one(record.device || '-', texts),
          one(settings.length > 0 ? settings.join('; ') : '-', texts),
        ];
      }),
    },
  ];
}

export const buildFollowUpCard: BuildKind = (input, texts, formats) => {
  const words = texts.handout.followup;
  const steps = texts.followUps.steps as Record<string, { label: string; ask: string }>;
  const { patient } = input;
  const planned = planFollowUps(
    plannedItems(input).map((item) => item.treatment),
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
    ...doneSessions(input, texts, formats),
    ...keptTogether([
      { type: 'heading', level: 1, text: one(words.contact, texts) },
      ...clinicContactList(input, texts),
      { type: 'heading', level: 1, text: one(words.emergencyTitle, texts) },
      { type: 'list', marker: 'bullet', items: [one(words.e119, texts), one(words.e1339, texts), one(words.e1345, texts)] },
    ]),
  ];
  return { blocks };
};
