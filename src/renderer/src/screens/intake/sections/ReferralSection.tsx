// How the patient came to the clinic: the referral route KHIDI's annual report asks for. The agency's name and
// registration number are asked only for an agency; the referrer only for a hospital, doctor or platform.
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { REFERRAL_ROUTES } from '../../../../../shared/domain/intake/vocabulary';
import type { IntakeForm } from '../intake-form';
import type { SectionProps } from './section-props';

type TextField = 'agencyName' | 'agencyRegistrationNumber' | 'referrer';

export function ReferralSection({ form, update, errorOf }: SectionProps) {
  const { t } = useTranslation();
  const text = (name: TextField, label: string) => (
    <Field name={name} label={label} error={errorOf(name)}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          dir="auto"
          value={form[name]}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(event) => update((f: IntakeForm) => ({ ...f, [name]: event.target.value }))}
        />
      )}
    </Field>
  );
  return (
    <section className="form-section" id="section-referral" aria-labelledby="section-referral-title">
      <h2 id="section-referral-title">{t('intake.sections.referral')}</h2>
      <div className="form-grid">
        <Field name="referralRoute" label={t('intake.fields.referralRoute')} error={errorOf('referralRoute')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              name="referralRoute"
              value={form.referralRoute}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update((f) => ({ ...f, referralRoute: event.target.value }))}
            >
              <option value="">{t('intake.referralNotRecorded')}</option>
              {REFERRAL_ROUTES.map((route) => (
                <option key={route} value={route}>
                  {t(`referral.routes.${route}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.referralRoute === 'agency' && (
          <>
            {text('agencyName', t('intake.fields.agencyName'))}
            {text('agencyRegistrationNumber', t('intake.fields.agencyRegistrationNumber'))}
          </>
        )}
        {form.referralRoute === 'hospital_referral' && text('referrer', t('intake.fields.referrerHospital'))}
        {form.referralRoute === 'online_platform' && text('referrer', t('intake.fields.referrerPlatform'))}
      </div>
    </section>
  );
}
