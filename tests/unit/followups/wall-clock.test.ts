// The wall clock a follow-up is shown at (Korea time for the coordinator, the home zone for the patient's message)
// is read from one Intl formatter per zone; it must say exactly what date-fns-tz's formatInTimeZone says, for any
// instant and zone, daylight-saving changes, half-hour zones and midnight included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInTimeZone } from 'date-fns-tz';
import { wallClock } from '../../../src/shared/domain/followups/due-time';
import { CLINIC_TIME_ZONE } from '../../../src/shared/domain/intake/calendar-date';

const ZONES = [
  CLINIC_TIME_ZONE,
  'America/Los_Angeles',
  'America/Toronto',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Europe/Moscow',
  'Asia/Riyadh',
  'Asia/Ho_Chi_Minh',
  'Pacific/Chatham',
  'UTC',
];
const reference = (instant: string, zone: string) => formatInTimeZone(new Date(instant), zone, 'yyyy-MM-dd HH:mm');

describe('wallClock', () => {
  it('equals formatInTimeZone for any instant from 1900 to 2200 in any of the zones', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (date, zone) => {
          const instant = date.toISOString();
          expect(wallClock(instant, zone)).toBe(reference(instant, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('equals it around midnight and the daylight-saving changes, minute by minute', () => {
    const starts = ['2027-03-14T09:30:00Z', '2027-11-07T08:30:00Z', '2027-04-03T15:30:00Z', '2026-12-31T14:30:00Z'];
    for (const start of starts) {
      for (let minute = 0; minute < 120; minute++) {
        const instant = new Date(Date.parse(start) + minute * 60_000).toISOString();
        for (const zone of ZONES) expect(wallClock(instant, zone), `${instant} ${zone}`).toBe(reference(instant, zone));
      }
    }
  });

  it('defaults to Korea time and refuses an instant that is not one', () => {
    expect(wallClock('2027-03-13T18:00:00.000Z')).toBe('2027-03-14 03:00');
    expect(() => wallClock('not a time')).toThrow(RangeError);
  });
});
