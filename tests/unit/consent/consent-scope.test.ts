// What a consent covers: the sessions a patient can sign for, the treatments kept out, the conditions with the
// doctor's decision, and the open questions that make it a draft.
import { describe, expect, it } from 'vitest';
import { consentScope, isOpenQuestion } from '../../../src/shared/domain/consent/consent-scope';
import type { Finding } from '../../../src/shared/domain/rules/check-plan';

const finding = (rule: string, severity: Finding['severity'], treatment: Finding['treatment'], date: string | null): Finding => ({
  rule,
  severity,
  treatment,
  date,
  message: { ko: rule, en: rule },
  source: 'clinical-practice',
});

const sessions = [
  { treatment: 'rejuran-healer' as const, date: '2027-01-10' },
  { treatment: 'rejuran-healer' as const, date: '2027-01-12' },
  { treatment: 'pico-laser' as const, date: '2027-01-10' },
  { treatment: 'ipl' as const, date: '2027-01-11', status: 'cancelled' as const },
];

describe('consentScope', () => {
  it('keeps out the sessions of a block nobody acknowledged, and names the treatment when none is left', () => {
    const findings = [
      finding('fish-allergy-salmon-pn', 'block', 'rejuran-healer', '2027-01-10'),
      finding('fish-allergy-salmon-pn', 'block', 'rejuran-healer', '2027-01-12'),
    ];
    const scope = consentScope(sessions, findings, []);
    expect(scope.sessions.map((s) => s.treatment)).toEqual(['pico-laser']);
    expect(scope.keptOut).toEqual(['rejuran-healer']);
    expect(scope.conditions).toEqual([]);

    const oneAcknowledged = consentScope(sessions, findings, [
      { rule: 'fish-allergy-salmon-pn', treatment: 'rejuran-healer', date: '2027-01-10', doctor: 'Kim', at: '2027-01-09T16:30:00Z' },
    ]);
    expect(oneAcknowledged.sessions.map((s) => `${s.treatment} ${s.date}`)).toEqual(['rejuran-healer 2027-01-10', 'pico-laser 2027-01-10']);
    expect(oneAcknowledged.keptOut).toEqual([]);
    // The decision's day is Korea's: 16:30 UTC on the 9th is the 10th in Seoul.
    expect(oneAcknowledged.conditions).toEqual([
      { finding: findings[0], treatments: ['rejuran-healer'], decision: { doctor: 'Kim', date: '2027-01-10' } },
    ]);
  });

  it('follows an acknowledgement to its session on a new date, as the findings panel does', () => {
    const id = '5a1c7e2b-9f4d-4c3a-8b6e-2d1f0a9c8e71';
    const moved = [{ id, treatment: 'rejuran-healer' as const, date: '2027-01-12' }];
    const block = { ...finding('fish-allergy-salmon-pn', 'block', 'rejuran-healer', '2027-01-12'), session: id };
    // Acknowledged when the session was on the 10th; the acknowledgement keeps the date it was made for.
    const ack = {
      rule: 'fish-allergy-salmon-pn',
      session: id,
      treatment: 'rejuran-healer' as const,
      date: '2027-01-10',
      doctor: 'Kim',
      at: '2027-01-09T01:00:00Z',
    };
    const scope = consentScope(moved, [block], [ack]);
    expect(scope.keptOut).toEqual([]);
    expect(scope.conditions.map((c) => c.decision)).toEqual([{ doctor: 'Kim', date: '2027-01-09' }]);
    // Another session's acknowledgement is not this one's.
    expect(consentScope(moved, [block], [{ ...ack, session: '6b2d8f3c-0a5e-4d4b-9c7f-3e2a1b0d9f82', date: '2027-01-12' }]).keptOut).toEqual(
      ['rejuran-healer'],
    );
  });

  it('says a condition once for the treatments it concerns, and leaves out schedule findings and notes', () => {
    const findings = [
      finding('other-allergy-review', 'caution', 'rejuran-healer', '2027-01-10'),
      finding('other-allergy-review', 'caution', 'pico-laser', '2027-01-10'),
      finding('schedule-clinic-closed', 'caution', 'pico-laser', '2027-01-10'),
      finding('fitzpatrick-unknown-energy', 'info', 'pico-laser', '2027-01-10'),
    ];
    const scope = consentScope(sessions, findings, []);
    expect(scope.conditions.map((c) => [c.finding.rule, c.treatments])).toEqual([
      ['other-allergy-review', ['rejuran-healer', 'pico-laser']],
    ]);
    expect(scope.draft).toBe(false);
  });

  it("is a draft while a question a rule of the plan reads is open, not for a cancelled session's", () => {
    expect(isOpenQuestion('pregnancy-not-asked') && isOpenQuestion('screening-incomplete') && !isOpenQuestion('pregnancy-procedure')).toBe(
      true,
    );
    const open = consentScope(sessions, [finding('pregnancy-not-asked', 'caution', 'pico-laser', '2027-01-10')], []);
    expect(open.draft).toBe(true);
    expect(open.openQuestions.map((f) => f.rule)).toEqual(['pregnancy-not-asked']);
    expect(open.conditions).toEqual([]);
    const cancelledOnly = consentScope(sessions, [finding('koebner-not-asked', 'caution', 'ipl', '2027-01-11')], []);
    expect(cancelledOnly.draft).toBe(false);
  });
});
