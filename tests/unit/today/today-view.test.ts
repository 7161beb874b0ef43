import { describe, expect, it } from 'vitest';
import { buildTodayView, sessionBlockers, type TodaySessionInput } from '../../../src/shared/domain/today/today-view';

const session = (changes: Partial<TodaySessionInput>): TodaySessionInput => ({
  patientId: 'p1',
  nativeName: '张伟',
  latinName: 'ZHANG WEI',
  sessionId: 's1',
  index: 0,
  version: 1,
  treatment: 'hydrafacial',
  date: '2026-11-24',
  time: '10:00',
  minutes: 60,
  room: null,
  status: 'scheduled',
  doctor: null,
  findings: [],
  ...changes,
});
const priced = () => true;
const message = { ko: '생선 알레르기', en: 'Fish allergy' };

describe('what blocks a session of today', () => {
  it('an unacknowledged block and a missing price, each named; a caution or an acknowledged block is no blocker', () => {
    const findings = [
      { rule: 'fish-allergy', severity: 'block' as const, message, acknowledgedBy: null },
      { rule: 'sun', severity: 'caution' as const, message, acknowledgedBy: null },
      { rule: 'isotretinoin', severity: 'block' as const, message, acknowledgedBy: 'Dr. Kim' },
    ];
    expect(sessionBlockers(session({ findings, treatment: 'pico-laser' }), (t) => t !== 'pico-laser')).toEqual([
      { kind: 'unacknowledged_block', rule: 'fish-allergy', message },
      { kind: 'missing_price', treatment: 'pico-laser' },
    ]);
  });

  it('nothing blocks a session already done', () => {
    const findings = [{ rule: 'fish-allergy', severity: 'block' as const, message, acknowledgedBy: null }];
    expect(sessionBlockers(session({ status: 'done', findings }), () => false)).toEqual([]);
  });
});

describe('the day', () => {
  const view = buildTodayView({
    today: '2026-11-24',
    tomorrow: '2026-11-25',
    travellers: [],
    sessions: [
      session({ sessionId: 'untimed', time: null }),
      session({ sessionId: 'late', time: '15:00' }),
      session({ sessionId: 'cancelled', time: '09:00', status: 'cancelled' }),
      session({ sessionId: 'tomorrow', date: '2026-11-25', time: '08:00' }),
      session({ sessionId: 'early', time: '09:30', status: 'done' }),
      session({ sessionId: 'unpriced', time: '11:00', treatment: 'pico-laser' }),
    ],
    hasPrice: (treatment) => treatment !== 'pico-laser' && priced(),
    followUps: [
      { id: 'b', patientId: 'p2', dueAt: '2026-11-24T01:00:00Z', state: 'due' },
      { id: 'a', patientId: 'p3', dueAt: '2026-11-20T01:00:00Z', state: 'overdue' },
    ],
  });

  it('holds today’s sessions that happen, by time, untimed last', () => {
    expect(view.sessions.map((s) => s.sessionId)).toEqual(['early', 'unpriced', 'late', 'untimed']);
  });

  it('counts the blocked sessions and lists the longest-overdue follow-up first', () => {
    expect(view.blockedSessions).toBe(1);
    expect(view.followUps.map((f) => f.id)).toEqual(['a', 'b']);
  });
});
