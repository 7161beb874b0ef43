// Names of follow-up steps, states and outcomes in the UI language. The i18n key test knows these vocabularies,
// so a missing translation of any of them fails it.
import type { TFunction } from 'i18next';
import type { FollowUpOutcome } from '../../../../shared/contract/followups';
import { wallClock, type FollowUpState } from '../../../../shared/domain/followups/due-time';
import type { PhotoAngle } from '../../../../shared/domain/intake/vocabulary';

/** A step of resources/followups/schedule.json; a step from newer content shows its id rather than a raw key. */
export function stepLabel(t: TFunction, step: string): string {
  return t(`followups.steps.${step}`, { defaultValue: step });
}

export function stateLabel(t: TFunction, state: FollowUpState): string {
  return t(`followups.state.${state}`);
}

export function outcomeLabel(t: TFunction, outcome: FollowUpOutcome): string {
  return t(`followups.outcomes.${outcome}`);
}

export function photoLabel(t: TFunction, angle: PhotoAngle): string {
  return t(`photos.angles.${angle}`);
}

/** "2027-03-04 10:00 America/Los_Angeles": the due instant on the patient's own clock, with its zone. */
export function patientClock(dueAt: string, homeTimeZone: string): string {
  return `${wallClock(dueAt, homeTimeZone)} ${homeTimeZone}`;
}
