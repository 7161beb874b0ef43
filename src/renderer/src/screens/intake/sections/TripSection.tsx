import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import type { SectionProps } from './section-props';

export function TripSection({ form, update, errorOf }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="form-section" id="section-trip" aria-labelledby="section-trip-title">
      <h2 id="section-trip-title">{t('intake.sections.trip')}</h2>
      <div className="form-grid">
        <Field name="arrival" label={t('intake.fields.arrival')} error={errorOf('arrival')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="arrival"
              type="date"
              value={form.arrival}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, arrival: event.target.value }))}
            />
          )}
        </Field>
        <Field name="departure" label={t('intake.fields.departure')} error={errorOf('departure')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="departure"
              type="date"
              min={form.arrival || undefined}
              value={form.departure}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, departure: event.target.value }))}
            />
          )}
        </Field>
        <Field name="stayAddress" label={t('intake.fields.stayAddress')} error={errorOf('stayAddress')} wide>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="stayAddress"
              dir="auto"
              value={form.stayAddress}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, stayAddress: event.target.value }))}
            />
          )}
        </Field>
      </div>
    </section>
  );
}
