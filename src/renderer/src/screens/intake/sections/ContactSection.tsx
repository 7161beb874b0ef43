import { useTranslation } from 'react-i18next';
import { MESSENGERS } from '../../../../../shared/domain/intake/vocabulary';
import { currencyName } from '../../../components/display-names';
import { Field } from '../../../components/Field';
import type { SectionProps } from './section-props';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');
const CURRENCIES = Intl.supportedValuesOf('currency');

export function ContactSection({ form, update, errorOf }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="form-section" id="section-contact" aria-labelledby="section-contact-title">
      <h2 id="section-contact-title">{t('intake.sections.contact')}</h2>
      <div className="form-grid">
        <Field name="phone" label={t('intake.fields.phone')} hint={t('intake.fields.phoneHint')} error={errorOf('phone')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="phone"
              type="tel"
              dir="ltr"
              autoComplete="off"
              value={form.phone}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, phone: event.target.value }))}
            />
          )}
        </Field>
        <Field name="email" label={t('intake.fields.email')} error={errorOf('email')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="email"
              type="text"
              inputMode="email"
              dir="ltr"
              autoComplete="off"
              value={form.email}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, email: event.target.value }))}
            />
          )}
        </Field>
        <Field name="homeTimeZone" label={t('intake.fields.homeTimeZone')} error={errorOf('homeTimeZone')}>
          {({ id, describedBy, invalid }) => (
            <>
              <input
                id={id}
                name="homeTimeZone"
                list="time-zones"
                dir="ltr"
                autoComplete="off"
                value={form.homeTimeZone}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => update((f) => ({ ...f, homeTimeZone: event.target.value }))}
              />
              <datalist id="time-zones">
                {TIME_ZONES.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field name="homeCurrency" label={t('intake.fields.homeCurrency')} error={errorOf('homeCurrency')}>
          {({ id, describedBy, invalid }) => (
            <>
              <input
                id={id}
                name="homeCurrency"
                list="currencies"
                dir="ltr"
                autoComplete="off"
                maxLength={3}
                value={form.homeCurrency}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => update((f) => ({ ...f, homeCurrency: event.target.value.toUpperCase() }))}
              />
              <datalist id="currencies">
                {CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {currencyName(code, i18n.language)}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <h3 className="subheading">{t('intake.fields.messengers')}</h3>
      <div className="form-grid">
        {MESSENGERS.map((kind) => (
          <Field key={kind} name={`messenger-${kind}`} label={t('intake.fields.messengerHandle', { messenger: t(`messengers.${kind}`) })}>
            {({ id, describedBy }) => (
              <input
                id={id}
                name={`messenger-${kind}`}
                dir="ltr"
                autoComplete="off"
                value={form.messengers[kind]}
                aria-describedby={describedBy}
                onChange={(event) => update((f) => ({ ...f, messengers: { ...f.messengers, [kind]: event.target.value } }))}
              />
            )}
          </Field>
        ))}
      </div>
      {errorOf('messengers') && (
        <p className="field__error" role="alert" data-error-for="messengers">
          {errorOf('messengers')}
        </p>
      )}
    </section>
  );
}
