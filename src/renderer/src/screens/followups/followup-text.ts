// Names of follow-up steps, states and outcomes in the UI language. Each key is written out, so the i18n test
// sees every key a screen may ask for; an unknown step from newer content shows its id rather than a raw key.
import type { TFunction } from 'i18next';
import type { FollowUpOutcome } from '../../../../shared/contract/followups';
import { wallClock, type FollowUpState } from '../../../../shared/domain/followups/due-time';

export function stepLabel(t: TFunction, step: string): string {
  switch (step) {
    case 'day-3':
      return t('followups.steps.day-3');
    case 'week-2':
      return t('followups.steps.week-2');
    case 'month-1':
      return t('followups.steps.month-1');
    case 'month-3':
      return t('followups.steps.month-3');
    case 'month-6':
      return t('followups.steps.month-6');
    default:
      return step;
  }
}

export function stateLabel(t: TFunction, state: FollowUpState): string {
  switch (state) {
    case 'upcoming':
      return t('followups.state.upcoming');
    case 'due':
      return t('followups.state.due');
    case 'overdue':
      return t('followups.state.overdue');
    case 'done':
      return t('followups.state.done');
  }
}

export function outcomeLabel(t: TFunction, outcome: FollowUpOutcome): string {
  switch (outcome) {
    case 'photos_received':
      return t('followups.outcomes.photos_received');
    case 'concern_raised':
      return t('followups.outcomes.concern_raised');
    case 'needs_doctor':
      return t('followups.outcomes.needs_doctor');
    case 'done':
      return t('followups.outcomes.done');
  }
}

export function photoLabel(t: TFunction, angle: string): string {
  switch (angle) {
    case 'front':
      return t('photos.angles.front');
    case 'oblique45':
      return t('photos.angles.oblique45');
    case 'profile90':
      return t('photos.angles.profile90');
    default:
      return angle;
  }
}

/** "2027-03-04 10:00 America/Los_Angeles": the due instant on the patient's own clock, with its zone. */
export function patientClock(dueAt: string, homeTimeZone: string): string {
  return `${wallClock(dueAt, homeTimeZone)} ${homeTimeZone}`;
}
