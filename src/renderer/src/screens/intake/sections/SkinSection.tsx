import { useTranslation } from 'react-i18next';
import { FITZPATRICK_TYPES, SKIN_CONCERNS } from '../../../../../shared/domain/intake/vocabulary';
import { Field, FieldSet } from '../../../components/Field';
import { toggle, type SectionProps } from './section-props';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export function SkinSection({ form, update, errorOf }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" id="section-skin" aria-labelledby="section-skin-title">
      <h2 id="section-skin-title">{t('intake.sections.skin')}</h2>
      <div className="form-grid">
        <Field name="fitzpatrick" label={t('intake.fields.fitzpatrick')} error={errorOf('fitzpatrick')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="fitzpatrick"
              value={form.fitzpatrick}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, fitzpatrick: event.target.value }))}
            >
              <option value="">{t('intake.fields.fitzpatrickUnknown')}</option>
              {FITZPATRICK_TYPES.map((type) => (
                <option key={type} value={String(type)}>
                  {ROMAN[type - 1]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FieldSet name="concerns" legend={t('intake.fields.concerns')} error={errorOf('concerns')}>
        <div className="checks checks--columns">
          {SKIN_CONCERNS.map((concern) => (
            <label key={concern} className="check">
              <input
                type="checkbox"
                name={`concern-${concern}`}
                checked={form.concerns.includes(concern)}
                onChange={(event) => update((f) => ({ ...f, concerns: toggle(f.concerns, concern, event.target.checked) }))}
              />
              <span>{t(`concerns.${concern}`)}</span>
            </label>
          ))}
        </div>
      </FieldSet>
    </section>
  );
}
