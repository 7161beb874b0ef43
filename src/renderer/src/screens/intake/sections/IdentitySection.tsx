import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import countries from 'i18n-iso-countries';
import { SEXES, SUPPORTED_LANGUAGES } from '../../../../../shared/domain/intake/vocabulary';
import { countryName } from '../../../components/display-names';
import { Field, FieldSet } from '../../../components/Field';
import { toggle, type SectionProps } from './section-props';

export function IdentitySection({ form, update, errorOf }: SectionProps) {
  const { t, i18n } = useTranslation();
  const countryOptions = useMemo(
    () =>
      Object.keys(countries.getAlpha2Codes())
        .map((code) => ({ code, name: countryName(code, i18n.language) }))
        .sort((a, b) => a.name.localeCompare(b.name, i18n.language)),
    [i18n.language],
  );
  return (
    <section className="form-section" id="section-identity" aria-labelledby="section-identity-title">
      <h2 id="section-identity-title">{t('intake.sections.identity')}</h2>
      <div className="form-grid">
        <Field
          name="nativeName"
          label={t('intake.fields.nativeName')}
          hint={t('intake.fields.nativeNameHint')}
          error={errorOf('nativeName')}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="nativeName"
              dir="auto"
              autoComplete="off"
              value={form.nativeName}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, nativeName: event.target.value }))}
            />
          )}
        </Field>
        <Field name="latinName" label={t('intake.fields.latinName')} error={errorOf('latinName')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="latinName"
              autoComplete="off"
              value={form.latinName}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, latinName: event.target.value }))}
            />
          )}
        </Field>
        <Field name="birthDate" label={t('intake.fields.birthDate')} error={errorOf('birthDate')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="birthDate"
              type="date"
              min="1900-01-01"
              value={form.birthDate}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, birthDate: event.target.value }))}
            />
          )}
        </Field>
        <Field name="sex" label={t('intake.fields.sex')} error={errorOf('sex')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="sex"
              value={form.sex}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, sex: event.target.value }))}
            >
              <option value="">{t('intake.choose')}</option>
              {SEXES.map((sex) => (
                <option key={sex} value={sex}>
                  {t(`sex.${sex}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="nationality" label={t('intake.fields.nationality')} error={errorOf('nationality')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="nationality"
              value={form.nationality}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, nationality: event.target.value }))}
            >
              <option value="">{t('intake.choose')}</option>
              {countryOptions.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name} ({code})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FieldSet name="languages" legend={t('intake.fields.languages')} hint={t('intake.fields.languagesHint')} error={errorOf('languages')}>
        <div className="checks">
          {SUPPORTED_LANGUAGES.map((language) => {
            const position = form.languages.indexOf(language);
            return (
              <label key={language} className="check">
                <input
                  type="checkbox"
                  name={`language-${language}`}
                  checked={position >= 0}
                  onChange={(event) => update((f) => ({ ...f, languages: toggle(f.languages, language, event.target.checked) }))}
                />
                <span>
                  {t(`languages.${language}`)}
                  {position === 0 && <em className="tag">{t('intake.fields.preferred')}</em>}
                  {position > 0 && <span className="muted"> {position + 1}</span>}
                </span>
              </label>
            );
          })}
        </div>
      </FieldSet>
    </section>
  );
}
