// Which finding a doctor's acknowledgement is for: one rule for the findings panel, the save check, the consent on
// screen and the consent handout, so a treatment the plan shows as acknowledged is never kept out of the consent.
import type { Finding } from '../rules/check-plan';
import type { Acknowledgement } from './plan-schema';

/** An acknowledgement is for one finding of one session: by the session's id, so it follows the session when it
 * moves; an acknowledgement made before sessions had ids matches by treatment and date, as it was made. */
export const sameFinding = (
  finding: Pick<Finding, 'rule' | 'session' | 'treatment' | 'date'>,
  ack: Pick<Acknowledgement, 'rule' | 'session' | 'treatment' | 'date'>,
): boolean =>
  ack.rule === finding.rule &&
  (ack.session !== undefined && finding.session !== undefined
    ? ack.session === finding.session
    : ack.treatment === finding.treatment && ack.date === finding.date);
