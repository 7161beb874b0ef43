// One date question of the screening (last isotretinoin dose, last sun…) with its three answers: not asked yet,
// never, or a date. "Not asked" and "never" are different facts: the rules give a caution for the first and pass
// the second, so the coordinator chooses one, with the arrow keys like any radio group. The date field appears
// with the "Date" answer; a date typed and then switched away from is kept in the form, so switching back finds it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningDate } from '../../../../../shared/domain/intake/vocabulary';
import type { DateState } from '../intake-form';
import type { SectionProps } from './section-props';

const STATES: readonly DateState[] = ['not_asked', 'never', 'date'];

export function DateQuestion({ question, form, update, errorOf }: SectionProps & { readonly question: ScreeningDate }) {
  const { t } = useTranslation();
  const id = useId();
  const state = form.dateStates[question];
  const error = errorOf(question);
  const errorId = `${id}-error`;
  const labels: Record<DateState, string> = {
    not_asked: t('intake.dateAnswer.notAsked'),
    never: t('intake.dateAnswer.never'),
    date: t('intake.dateAnswer.date'),
  };
  const choose = (next: DateState) => update((f) => ({ ...f, dateStates: { ...f.dateStates, [question]: next } }));

  return (
    <fieldset
      className={`fieldset date-question${error ? ' field--invalid' : ''}`}
      data-field={question}
      data-date-state={state}
      aria-describedby={error ? errorId : undefined}
      // With the date field shown, it carries the error, so a refused save puts the focus in it, not on a radio.
      aria-invalid={error && state !== 'date' ? true : undefined}
    >
      <legend>{t(`screening.${question}`)}</legend>
      <div className="date-question__answer">
        <div className="segmented">
          {STATES.map((value) => (
            <label key={value} className="segmented__option">
              <input type="radio" name={`date-${question}`} value={value} checked={state === value} onChange={() => choose(value)} />
              <span>{labels[value]}</span>
            </label>
          ))}
        </div>
        {state === 'date' && (
          <input
            name={question}
            type="date"
            value={form.dates[question]}
            aria-label={t('intake.dateAnswer.dateOf', { question: t(`screening.${question}`) })}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(event) => update((f) => ({ ...f, dates: { ...f.dates, [question]: event.target.value } }))}
          />
        )}
      </div>
      {error && (
        <p className="field__error" id={errorId} role="alert" data-error-for={question}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
