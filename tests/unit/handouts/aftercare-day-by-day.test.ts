// Read back from the PDFs: the aftercare's day-by-day care for treatments done the same day is one regimen with the
// stricter instruction; the follow-up card records each done session's device and settings; Thai dates are in the
// Buddhist era with the Gregorian year beside them.
import { describe, expect, it } from 'vitest';
import english from '../../../resources/locales/en/handout.json';
import { formatsFor } from '../../../src/main/handouts/kinds/formats';
import type { HandoutInput } from '../../../src/main/handouts/kinds/handout-input';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { positionalSessionId } from '../../../src/shared/domain/plan/plan-schema';
import { handoutInput } from '../../support/handout-input';
import { pdfText } from './pdf-tools';

const DAY = '2027-01-10';
const onOneDay = (input: HandoutInput, treatments: readonly ('ha-filler' | 'fractional-co2')[]): HandoutInput => ({
  ...input,
  plan: {
    ...input.plan,
    items: treatments.map((treatment, position) => ({ id: positionalSessionId(position), treatment, date: DAY, time: '10:00' })),
  },
});
const aftercareOf = async (input: HandoutInput) =>
  pdfText(await makeHandout(input, { kind: 'aftercare', language: 'en', bilingual: false }));
/** The text of days 1-3, up to the heading of days 4-7. */
const firstDays = (text: string) =>
  text.slice(text.indexOf(`${english.aftercare.phases.d1} (`), text.indexOf(`${english.aftercare.phases.d4} (`));
const { topics } = english.aftercare;

describe('the aftercare day by day', () => {
  it('gives a filler and a CO2 laser done the same day one regimen, with the stricter instruction', async () => {
    const text = await aftercareOf(onOneDay(handoutInput('en'), ['ha-filler', 'fractional-co2']));
    expect(text).toContain('Day by day after 10 January 2027: Hyaluronic acid filler, Fractional CO2 laser');
    expect(text.split(`${english.aftercare.phases.d1} (`).length - 1).toBe(1);
    const days = firstDays(text);
    expect(days).toContain('Days 1-3 (10 January 2027 to 12 January 2027)');
    expect(days).toContain(topics.makeup.none);
    expect(days).not.toContain(topics.makeup.light);
    expect(days).toContain(topics.flying.ask.slice(0, 40));
    expect(days).not.toContain(topics.flying.ok);
    expect(days).toContain(topics.skin.healing.slice(0, 40));
    expect(text).toContain(english.aftercare.clinicalPractice.slice(0, 40));
  });

  it('gives the filler alone its own milder first days', async () => {
    const days = firstDays(await aftercareOf(onOneDay(handoutInput('en'), ['ha-filler'])));
    expect(days).toContain(topics.makeup.light.slice(0, 40));
    expect(days).toContain(topics.flying.ok);
    expect(days).not.toContain(topics.makeup.none);
  });
});

describe('the follow-up card', () => {
  it("records each done session's device and settings for a doctor at home", async () => {
    const input = handoutInput('en', ['pico-laser']);
    const done: HandoutInput = {
      ...input,
      plan: {
        ...input.plan,
        items: input.plan.items.map((item) => ({
          ...item,
          status: 'done' as const,
          record: { doctor: 'Park Jiwoo', device: 'PicoSure 755', settings: { fluence: '0.8 J/cm2', spot: '6 mm' }, notes: '' },
        })),
      },
    };
    const text = pdfText(await makeHandout(done, { kind: 'followup', language: 'en', bilingual: false }));
    expect(text).toContain(english.followup.doneTitle);
    expect(text).toContain('PicoSure 755');
    expect(text).toContain('fluence: 0.8 J/cm2; spot: 6 mm');
    expect(text).toContain('Park Jiwoo');
    const notDone = pdfText(await makeHandout(input, { kind: 'followup', language: 'en', bilingual: false }));
    expect(notDone).not.toContain(english.followup.doneTitle);
  });
});

describe('Thai dates', () => {
  it('are in the Buddhist era with the Gregorian year beside it', () => {
    const thai = formatsFor('th');
    expect(thai.date('2026-11-24')).toBe('24 พฤศจิกายน พ.ศ. 2569 (ค.ศ. 2026)');
    expect(thai.dateTime('2026-12-31T20:00:00Z', 'Asia/Bangkok')).toContain('พ.ศ. 2570 (ค.ศ. 2027)');
    expect(formatsFor('ko').date('2026-11-24')).toBe('2026년 11월 24일');
  });
});
