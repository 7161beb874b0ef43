import type { IntakeForm } from '../intake-form';

export interface SectionProps {
  readonly form: IntakeForm;
  /** Applies a change to the form; every change is autosaved as a draft. */
  readonly update: (change: (form: IntakeForm) => IntakeForm) => void;
  /** The translated error for a field, if it has one. */
  readonly errorOf: (field: string) => string | undefined;
}

export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((item) => item !== value);
}
