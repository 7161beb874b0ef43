// Follow-ups fall due at 10:00 on the patient's clock, wherever home is, and the coordinator sees them in Korea
// time (UTC+9 all year). Around a daylight-saving change the Korea time moves by an hour; the patient's does not.
import { describe, expect, it } from 'vitest';
import { addMonths, dueInstant, dueLocalDate, followUpState, wallClock } from '../../../src/shared/domain/followups/due-time';

describe('due dates', () => {
  it('counts days and calendar months from the departure day', () => {
    expect(dueLocalDate('2026-12-10', { days: 3 })).toBe('2026-12-13');
    expect(dueLocalDate('2026-12-10', { days: 14 })).toBe('2026-12-24');
    expect(dueLocalDate('2026-12-10', { months: 1 })).toBe('2027-01-10');
    expect(dueLocalDate('2026-12-10', { months: 6 })).toBe('2027-06-10');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('a follow-up due at 10:00 patient time, shown in Korea time', () => {
  it.each([
    // America/Los_Angeles: PST (UTC-8) until 2027-03-14, PDT (UTC-7) after.
    ['America/Los_Angeles', '2027-03-13', '2027-03-13T18:00:00.000Z', '2027-03-14 03:00'],
    ['America/Los_Angeles', '2027-03-15', '2027-03-15T17:00:00.000Z', '2027-03-16 02:00'],
    // Australia/Sydney: AEDT (UTC+11) until 2027-04-04 03:00, AEST (UTC+10) after.
    ['Australia/Sydney', '2027-04-03', '2027-04-02T23:00:00.000Z', '2027-04-03 08:00'],
    ['Australia/Sydney', '2027-04-05', '2027-04-05T00:00:00.000Z', '2027-04-05 09:00'],
    // No daylight saving: Moscow UTC+3, Riyadh UTC+3, Ulaanbaatar UTC+8.
    ['Europe/Moscow', '2027-03-28', '2027-03-28T07:00:00.000Z', '2027-03-28 16:00'],
    ['Asia/Riyadh', '2027-03-28', '2027-03-28T07:00:00.000Z', '2027-03-28 16:00'],
    ['Asia/Ulaanbaatar', '2027-03-28', '2027-03-28T02:00:00.000Z', '2027-03-28 11:00'],
  ])('%s on %s', (zone, localDate, instant, korea) => {
    const due = dueInstant(localDate, {}, zone);
    expect(due).toBe(instant);
    expect(wallClock(due)).toBe(korea);
    expect(wallClock(due, zone)).toBe(`${localDate} 10:00`);
  });

  it('keeps 10:00 on the patient’s clock for every day across a DST change (one hour apart in Korea)', () => {
    const before = dueInstant('2027-03-13', {}, 'America/Los_Angeles');
    const after = dueInstant('2027-03-13', { days: 2 }, 'America/Los_Angeles');
    expect((Date.parse(after) - Date.parse(before)) / 3_600_000).toBe(47);
    expect(wallClock(after, 'America/Los_Angeles')).toBe('2027-03-15 10:00');
  });

  it('a local time that does not exist on the change day moves forward, not back', () => {
    // 02:30 on 2027-03-14 does not exist in Los Angeles (clocks jump from 02:00 to 03:00).
    const due = dueInstant('2027-03-14', {}, 'America/Los_Angeles', '02:30');
    expect(wallClock(due, 'America/Los_Angeles')).toBe('2027-03-14 03:30');
  });
});

describe('due and overdue', () => {
  const dueAt = '2027-03-15T17:00:00.000Z';
  it.each([
    ['2027-03-15T16:59:59.000Z', false, 'upcoming'],
    ['2027-03-15T17:00:00.000Z', false, 'due'],
    ['2027-03-17T16:59:59.000Z', false, 'due'],
    ['2027-03-17T17:00:00.000Z', false, 'overdue'],
    ['2027-03-20T00:00:00.000Z', true, 'done'],
  ] as const)('at %s (done: %s) it is %s', (now, done, state) => {
    expect(followUpState(dueAt, new Date(now), done)).toBe(state);
  });
});
