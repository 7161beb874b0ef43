// A labelled form field with its hint and its error beside it. The error is tied to the control with
// aria-describedby and aria-invalid, so a screen reader says it and the e2e tests find it by field.
import { useId, type ReactNode } from 'react';

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly children: (control: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  readonly wide?: boolean;
}

export function Field({ name, label, hint, error, children, wide }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${wide ? ' field--wide' : ''}`} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && !error && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert" data-error-for={name}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes or radios with one legend and one error. */
export function FieldSet({
  name,
  legend,
  hint,
  error,
  children,
}: {
  readonly name: string;
  readonly legend: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <fieldset
      className={`fieldset${error ? ' field--invalid' : ''}`}
      data-field={name}
      aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {children}
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert" data-error-for={name}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
