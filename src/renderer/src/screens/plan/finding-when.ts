// When a finding's session takes place, as the findings panel says it: its date, or for a session without one
// the days the rule applies on. A session without a date is never a pass: the finding says the date is not set
// and which dates it concerns, or for a next visit the first day the rule allows.
import type { TFunction } from 'i18next';
import type { Finding } from '../../../../shared/domain/rules/check-plan';
import { formatDay } from './plan-model';

/** A next visit is months away, often in another year: its first day is given with the year. */
function formatDayWithYear(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function findingWhen(t: TFunction, finding: Pick<Finding, 'date' | 'timing'>, locale: string): string {
  if (finding.date !== null) return formatDay(finding.date, locale);
  const timing = finding.timing;
  if (timing?.kind === 'undated') {
    return t('plan.findings.undatedRange', { from: formatDay(timing.firesFrom, locale), to: formatDay(timing.firesTo, locale) });
  }
  if (timing?.kind === 'next-visit') {
    return timing.notBefore === null
      ? t('plan.findings.nextVisitAnyDate')
      : t('plan.findings.nextVisitNotBefore', { date: formatDayWithYear(timing.notBefore, locale) });
  }
  return t('plan.findings.undated');
}
