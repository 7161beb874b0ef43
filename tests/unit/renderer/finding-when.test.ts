import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { findingWhen } from '../../../src/renderer/src/screens/plan/finding-when';

// The key and its values, to see which text the panel asks for and with what.
const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as unknown as TFunction;

describe('when a finding applies, as the findings panel says it', () => {
  it('names the days of the stay for a session without a date', () => {
    const text = findingWhen(t, { date: null, timing: { kind: 'undated', firesFrom: '2027-03-03', firesTo: '2027-03-06' } }, 'en');
    expect(text).toBe('plan.findings.undatedRange {"from":"Wed, Mar 3","to":"Sat, Mar 6"}');
  });

  it('names the first day allowed, with its year, for a next visit; or says it applies whatever the date', () => {
    expect(findingWhen(t, { date: null, timing: { kind: 'next-visit', notBefore: '2027-07-05' } }, 'en')).toBe(
      'plan.findings.nextVisitNotBefore {"date":"Mon, Jul 5, 2027"}',
    );
    expect(findingWhen(t, { date: null, timing: { kind: 'next-visit', notBefore: null } }, 'en')).toBe('plan.findings.nextVisitAnyDate {}');
  });

  it('gives a dated session its day', () => {
    expect(findingWhen(t, { date: '2027-03-04' }, 'en')).toBe('Thu, Mar 4');
  });
});
