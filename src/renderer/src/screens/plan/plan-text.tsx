// Small pieces of plan text used by several panels: severity badges and downtime ranges, in the UI language or
// in a language given (the consent summary shows the patient's language beside Korean).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../../shared/domain/rules/rule-schema';
import type { SummaryLanguage } from './plan-model';

export type BadgeKind = Severity | 'acknowledged';

export function SeverityBadge({ severity }: { readonly severity: BadgeKind }) {
  const { t } = useTranslation();
  const text: Record<BadgeKind, string> = {
    block: t('plan.severity.block'),
    caution: t('plan.severity.caution'),
    info: t('plan.severity.info'),
    acknowledged: t('plan.severity.acknowledged'),
  };
  return (
    <span className={`badge badge--${severity}`} data-severity={severity}>
      {text[severity]}
    </span>
  );
}

/** "No downtime", "1 day", "3–7 days" / "회복 기간 없음", "1일", "3–7일", in the language asked for. */
export function useDowntimeText() {
  const { t } = useTranslation();
  return useCallback(
    (days: { readonly min: number; readonly max: number }, lng: SummaryLanguage) => {
      if (days.max === 0) return t('plan.downtime.none', { lng });
      if (days.min === days.max) return t('plan.downtime.days', { lng, count: days.max });
      return t('plan.downtime.range', { lng, min: days.min, max: days.max });
    },
    [t],
  );
}
