// The week view's clashes as pure logic: one patient in two sessions at once, two sessions in one room at once
// (any patients); touching intervals, other days, other rooms, untimed and cancelled sessions do not clash.
import { describe, expect, it } from 'vitest';
import { intervalsOverlap, sessionConflicts, type TimedSession } from '../../../src/shared/domain/schedule/session-conflicts';

const session = (
  key: string,
  patientId: string,
  time: string | null,
  minutes: number,
  room: string | null,
  extra: Partial<TimedSession> = {},
): TimedSession => ({
  key,
  patientId,
  date: '2027-03-02',
  time,
  minutes,
  room,
  occupies: true,
  ...extra,
});

describe('intervalsOverlap', () => {
  it('is true when the intervals share a minute, false when they only touch or are apart', () => {
    expect(intervalsOverlap(600, 60, 630, 30)).toBe(true);
    expect(intervalsOverlap(630, 30, 600, 60)).toBe(true);
    expect(intervalsOverlap(600, 60, 600, 10)).toBe(true);
    expect(intervalsOverlap(600, 60, 660, 30)).toBe(false);
    expect(intervalsOverlap(660, 30, 600, 60)).toBe(false);
    expect(intervalsOverlap(600, 30, 700, 30)).toBe(false);
    expect(intervalsOverlap(600, 0, 600, 30)).toBe(false);
  });
});

describe('sessionConflicts', () => {
  it('finds two patients in one room at once, and one patient in two rooms at once', () => {
    const clashes = sessionConflicts([
      session('a', 'p1', '10:00', 60, 'Laser 1'),
      session('b', 'p2', '10:30', 30, 'laser 1 '),
      session('c', 'p1', '10:45', 30, 'Room 2'),
      session('d', 'p3', '11:00', 30, 'Laser 1'),
    ]);
    expect(clashes.get('a')).toEqual({ samePatient: ['c'], sameRoom: ['b'] });
    expect(clashes.get('b')).toEqual({ samePatient: [], sameRoom: ['a'] });
    expect(clashes.get('c')).toEqual({ samePatient: ['a'], sameRoom: [] });
    // d starts when a ends and when b ends: touching, not overlapping.
    expect(clashes.get('d')).toEqual({ samePatient: [], sameRoom: [] });
  });

  it('ignores sessions without a room for rooms, other days, untimed and cancelled sessions', () => {
    const clashes = sessionConflicts([
      session('a', 'p1', '10:00', 60, null),
      session('b', 'p2', '10:00', 60, null),
      session('c', 'p3', '10:00', 60, 'Laser 1'),
      session('d', 'p4', '10:00', 60, 'Laser 1', { date: '2027-03-03' }),
      session('e', 'p5', null, 60, 'Laser 1'),
      session('f', 'p6', '10:15', 60, 'Laser 1', { occupies: false }),
    ]);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) expect(clashes.get(key), key).toEqual({ samePatient: [], sameRoom: [] });
  });

  it('the same session with itself and one patient back to back do not clash; three at once all clash', () => {
    const clashes = sessionConflicts([
      session('a', 'p1', '10:00', 30, 'R'),
      session('b', 'p1', '10:30', 30, 'R'),
      session('c', 'p2', '14:00', 60, 'R'),
      session('d', 'p3', '14:10', 60, 'R'),
      session('e', 'p4', '14:20', 60, 'R'),
    ]);
    expect(clashes.get('a')).toEqual({ samePatient: [], sameRoom: [] });
    expect(clashes.get('c')!.sameRoom).toEqual(['d', 'e']);
    expect(clashes.get('e')!.sameRoom).toEqual(['c', 'd']);
  });
});
