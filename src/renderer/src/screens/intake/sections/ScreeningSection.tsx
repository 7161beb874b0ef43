import { useTranslation } from 'react-i18next';
import { ALLERGIES, SCREENING_DATES, SCREENING_FLAGS, type ScreeningFlag } from '../../../../../shared/domain/intake/vocabulary';
import { Field, FieldSet } from '../../../components/Field';
import type { Answer } from '../intake-form';
import { DateQuestion } from './DateQuestion';
import { toggle, type SectionProps } from './section-props';

const ANSWERS: readonly { value: Answer; key: 'yes' | 'no' | 'unknown' }[] = [
  { value: 'yes', key: 'yes' },
  { value: 'no', key: 'no' },
  { value: '', key: 'unknown' },
];

export function ScreeningSection({ form, update, errorOf }: SectionProps) {
  const { t } = useTranslation();
  // What a question covers, where its label alone would leave the coordinator guessing.
  const hints: Partial<Record<ScreeningFlag, string>> = {
    implantedDevice: t('intake.screeningHints.implantedDevice'),
    metalImplantInArea: t('intake.screeningHints.metalImplantInArea'),
    koebnerCondition: t('intake.screeningHints.koebnerCondition'),
    hyaluronidaseOrVenomAllergy: t('intake.screeningHints.hyaluronidaseOrVenomAllergy'),
    asthmaOrSulfite: t('intake.screeningHints.asthmaOrSulfite'),
  };
  return (
    <section className="form-section" id="section-screening" aria-labelledby="section-screening-title">
      <h2 id="section-screening-title">{t('intake.sections.screening')}</h2>
      <p className="hint">{t('intake.screeningNote')}</p>
      <div className="answers">
        {SCREENING_FLAGS.map((flag) => (
          <FieldSet key={flag} name={flag} legend={t(`screening.${flag}`)} hint={hints[flag]} error={errorOf(flag)}>
            <div className="segmented">
              {ANSWERS.map(({ value, key }) => (
                <label key={key} className="segmented__option">
                  <input
                    type="radio"
                    name={`answer-${flag}`}
                    value={key}
                    checked={form.answers[flag] === value}
                    onChange={() => update((f) => ({ ...f, answers: { ...f.answers, [flag]: value } }))}
                  />
                  <span>{t(`intake.answer.${key}`)}</span>
                </label>
              ))}
            </div>
          </FieldSet>
        ))}
      </div>
      <div className="answers answers--dates">
        {SCREENING_DATES.map((date) => (
          <DateQuestion key={date} question={date} form={form} update={update} errorOf={errorOf} />
        ))}
      </div>
      <FieldSet name="allergies" legend={t('intake.fields.allergies')} error={errorOf('allergies')}>
        <div className="checks">
          {ALLERGIES.map((allergy) => (
            <label key={allergy} className="check">
              <input
                type="checkbox"
                name={`allergy-${allergy}`}
                checked={form.allergies.includes(allergy)}
                onChange={(event) => update((f) => ({ ...f, allergies: toggle(f.allergies, allergy, event.target.checked) }))}
              />
              <span>{t(`allergies.${allergy}`)}</span>
            </label>
          ))}
        </div>
      </FieldSet>
      <div className="form-grid">
        {form.allergies.includes('other') && (
          <Field name="allergyOther" label={t('intake.fields.allergyOther')} error={errorOf('allergyOther')} wide>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                name="allergyOther"
                value={form.allergyOther}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => update((f) => ({ ...f, allergyOther: event.target.value }))}
              />
            )}
          </Field>
        )}
        <Field name="medications" label={t('intake.fields.medications')} error={errorOf('medications')} wide>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              name="medications"
              rows={2}
              dir="auto"
              value={form.medications}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, medications: event.target.value }))}
            />
          )}
        </Field>
        <Field name="notes" label={t('intake.fields.notes')} error={errorOf('notes')} wide>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              name="notes"
              rows={3}
              dir="auto"
              value={form.notes}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, notes: event.target.value }))}
            />
          )}
        </Field>
      </div>
    </section>
  );
}
