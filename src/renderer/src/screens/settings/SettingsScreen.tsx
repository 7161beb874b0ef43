// The clinic's settings: its name, opening days and hours (the scheduler books inside them), VAT, and its own
// price per treatment, with the seeds' KRW range beside each as a guide; and its rooms (a session may take one).
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type IssueCode, type IssuePath } from '../../../../shared/contract';
import type { ClinicSettings } from '../../../../shared/domain/settings/clinic-settings';
import { useChannelMutation } from '../../api/channel-mutation';
import { useCatalog, useClinicSettings } from '../../api/reads';
import { Field } from '../../components/Field';
import { LoadFailure } from '../../components/LoadFailure';
import { CoordinatorProfiles } from './CoordinatorProfiles';
import { CoordinatorSetting } from './CoordinatorSetting';
import { DiagnosticsSetting } from './DiagnosticsSetting';
import { contractResolver } from '../../forms/contract-resolver';
import { countFieldErrors, setIssueErrors, useIssueText } from '../../forms/issue-errors';
import { useFocusFirstError } from '../../forms/use-focus-first-error';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** The handouts' header logo: small enough to keep every PDF light. */
const MAX_LOGO_BYTES = 256 * 1024;

type PackageOffer = ClinicSettings['packages'][number];

/** Prices as typed (digits and commas), so a half-typed price is not lost or reformatted under the cursor. */
type PriceText = Record<string, string>;

/** The settings as the form holds them: everything as saved, but the prices as typed. */
type SettingsForm = Omit<ClinicSettings, 'prices'> & { prices: PriceText };

const priceDigits = (text: string) => text.replace(/[,\s₩]/g, '');
const PRICE_PATTERN = /^\d{1,9}$/;

function settingsOf(form: SettingsForm): ClinicSettings {
  const prices: ClinicSettings['prices'] = {};
  for (const [id, text] of Object.entries(form.prices)) {
    const digits = priceDigits(text);
    // A price that is not digits is the form's own refusal (formChecks), beside its field; left out here.
    if (PRICE_PATTERN.test(digits)) prices[id as keyof ClinicSettings['prices']] = Number(digits);
  }
  return { ...form, prices };
}

/** An issue of saveClinicSettings sits under `settings`; the form field is the rest of its path ("prices.pico-laser"). */
const fieldOfSettingsIssue = (path: IssuePath) => path.slice(1).join('.');

const settingsResolver = contractResolver<SettingsForm>({
  schema: contract.saveClinicSettings.input,
  toInput: (form) => ({ settings: settingsOf(form) }),
  fieldOf: fieldOfSettingsIssue,
  formChecks: (form) =>
    Object.entries(form.prices)
      .filter(([, text]) => priceDigits(text) !== '' && !PRICE_PATTERN.test(priceDigits(text)))
      .map(([id]) => ({ field: `prices.${id}`, code: 'invalid' as const })),
});

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const catalogRead = useCatalog();
  const settingsRead = useClinicSettings();
  // Saved settings are read again by whoever shows them (the idle lock, the plan's quote, the follow-ups).
  const saveSettings = useChannelMutation('saveClinicSettings', ['getClinicSettings']);
  const catalog = catalogRead.data ?? null;
  const [loaded, setLoaded] = useState(false);
  const { control, reset, getValues, setValue, setError, clearErrors, handleSubmit, formState } = useForm<SettingsForm>({
    resolver: settingsResolver,
    // Errors are checked again at the next save, as before the form library.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const settings = useWatch({ control }) as SettingsForm;
  const prices = settings.prices ?? {};
  /** The fields below set whole sections (hours, contact, rooms) as they always did; the form library holds them. */
  const setSettings = (next: SettingsForm) => {
    const previous = getValues();
    for (const key of Object.keys(next) as (keyof SettingsForm)[]) {
      if (next[key] !== previous[key]) setValue(key, next[key], { shouldDirty: true });
    }
  };
  const setPrices = (next: PriceText) => setValue('prices', next, { shouldDirty: true });
  const formElement = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formElement, formState.submitCount);
  const issueText = useIssueText(formState.errors);
  // The banner keeps its key, not its text, so it follows a switch of the UI language.
  const [banner, setBanner] = useState<{ kind: 'ok' } | { kind: 'error'; count: number } | null>(null);
  const language = i18n.language === 'ko' ? 'ko' : 'en';
  const won = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'KRW' });
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });

  // The form starts from the settings as first read; reading them again after a save leaves what is typed alone.
  const firstRead = settingsRead.data;
  useEffect(() => {
    if (!firstRead || loaded) return;
    const { prices: saved, ...rest } = firstRead;
    reset({ ...rest, prices: Object.fromEntries(Object.entries(saved).map(([id, price]) => [id, String(price)])) });
    setLoaded(true);
  }, [firstRead, loaded, reset]);

  if (!catalog || !loaded) {
    const failed = catalogRead.error ?? settingsRead.error;
    if (!failed) return <p className="screen">{t('intake.loading')}</p>;
    return (
      <section className="screen" aria-labelledby="settings-title">
        <h1 id="settings-title">{t('settings.title')}</h1>
        <LoadFailure
          error={failed}
          retrying={catalogRead.isFetching || settingsRead.isFetching}
          onRetry={() => {
            if (catalogRead.isError) void catalogRead.refetch();
            if (settingsRead.isError) void settingsRead.refetch();
          }}
        />
      </section>
    );
  }

  const save = handleSubmit(
    async (form) => {
      const result = await saveSettings.mutateAsync({ settings: settingsOf(form) });
      if (result.ok) {
        setBanner({ kind: 'ok' });
      } else {
        setBanner({ kind: 'error', count: setIssueErrors(setError, result.error.issues, fieldOfSettingsIssue) });
        focusFirstError();
      }
    },
    // Focus follows once the errors are on screen (useFocusFirstError, on the submit count).
    (errors) => setBanner({ kind: 'error', count: countFieldErrors(errors) }),
  );

  const errorOf = issueText;
  const setLocalError = (field: 'logo', code: IssueCode) => setError(field, { type: 'local', message: code });
  // 2026-11-23 was a Monday: day n of the ISO week is that date plus n - 1 days.
  const weekdayName = (day: number) => weekday.format(new Date(Date.UTC(2026, 10, 22 + day)));

  return (
    <section className="screen" aria-labelledby="settings-title">
      <form className="intake__form" noValidate ref={formElement} onSubmit={(event) => void save(event)}>
        <div className="screen__header screen__header--sticky">
          <h1 id="settings-title">{t('settings.title')}</h1>
          <div className="topbar__spacer" />
          <button type="submit" className="button--primary">
            {t('intake.save')}
          </button>
        </div>
        {banner && (
          <p className={`banner banner--${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
            {banner.kind === 'ok' ? t('intake.saved') : t('intake.errorsSummary', { count: banner.count })}
          </p>
        )}
        <section className="form-section" aria-labelledby="settings-clinic">
          <h2 id="settings-clinic">{t('settings.clinic')}</h2>
          <div className="form-grid">
            <Field name="clinicName" label={t('settings.clinicName')} error={errorOf('clinicName')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="clinicName"
                  value={settings.clinicName}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, clinicName: event.target.value })}
                />
              )}
            </Field>
            <Field name="logo" label={t('settings.logo.label')} hint={t('settings.logo.hint')} error={errorOf('logo')} wide>
              {({ id, describedBy, invalid }) => (
                <div className="logo-field">
                  {settings.logo && (
                    <img src={settings.logo} alt={t('settings.logo.current')} className="logo-field__preview" data-logo-preview />
                  )}
                  <input
                    id={id}
                    name="logo"
                    type="file"
                    accept="image/png,image/jpeg"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    onChange={(event) => {
                      const file = event.target.files?.[0];
                      if (!file) return;
                      if (file.size > MAX_LOGO_BYTES) {
                        setLocalError('logo', 'file_too_large');
                        return;
                      }
                      const reader = new FileReader();
                      reader.onload = () => {
                        clearErrors('logo');
                        setSettings({ ...settings, logo: String(reader.result) });
                      };
                      reader.readAsDataURL(file);
                    }}
                  />
                  {settings.logo && (
                    <button
                      type="button"
                      className="button--quiet"
                      onClick={() => setSettings({ ...settings, logo: null })}
                      data-remove-logo
                    >
                      {t('settings.logo.remove')}
                    </button>
                  )}
                </div>
              )}
            </Field>
            <Field name="contact-phone" label={t('settings.contact.phone')} error={errorOf('contact.phone')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="contact-phone"
                  value={settings.contact.phone}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, contact: { ...settings.contact, phone: event.target.value } })}
                />
              )}
            </Field>
            <Field name="contact-messenger" label={t('settings.contact.messenger')} error={errorOf('contact.messenger')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="contact-messenger"
                  value={settings.contact.messenger}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, contact: { ...settings.contact, messenger: event.target.value } })}
                />
              )}
            </Field>
            <Field name="contact-email" label={t('settings.contact.email')} error={errorOf('contact.email')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="contact-email"
                  value={settings.contact.email}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, contact: { ...settings.contact, email: event.target.value } })}
                />
              )}
            </Field>
            <Field name="contact-address" label={t('settings.contact.address')} error={errorOf('contact.address')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="contact-address"
                  value={settings.contact.address}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, contact: { ...settings.contact, address: event.target.value } })}
                />
              )}
            </Field>
            <Field name="opensAt" label={t('settings.opensAt')} error={errorOf('hours.opensAt')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="opensAt"
                  type="time"
                  value={settings.hours.opensAt}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, hours: { ...settings.hours, opensAt: event.target.value } })}
                />
              )}
            </Field>
            <Field name="closesAt" label={t('settings.closesAt')} error={errorOf('hours.closesAt')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="closesAt"
                  type="time"
                  value={settings.hours.closesAt}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, hours: { ...settings.hours, closesAt: event.target.value } })}
                />
              )}
            </Field>
            <Field name="vatPercent" label={t('settings.vatPercent')} error={errorOf('vat.percent')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="vatPercent"
                  type="number"
                  min={0}
                  max={30}
                  value={settings.vat.percent}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, vat: { ...settings.vat, percent: Number(event.target.value) } })}
                />
              )}
            </Field>
            <Field
              name="retentionYears"
              label={t('settings.retentionYears')}
              hint={t('settings.retentionYearsHint')}
              error={errorOf('retentionYears')}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="retentionYears"
                  type="number"
                  min={10}
                  max={50}
                  value={settings.retentionYears}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, retentionYears: Number(event.target.value) })}
                />
              )}
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              name="pricesIncludeVat"
              checked={settings.vat.pricesIncludeVat}
              onChange={(event) => setSettings({ ...settings, vat: { ...settings.vat, pricesIncludeVat: event.target.checked } })}
            />
            <span>{t('settings.pricesIncludeVat')}</span>
          </label>
          <fieldset className="fieldset" data-field="openWeekdays">
            <legend>{t('settings.openDays')}</legend>
            <div className="checks">
              {WEEKDAYS.map((day) => (
                <label key={day} className="check">
                  <input
                    type="checkbox"
                    name={`weekday-${day}`}
                    checked={settings.hours.openWeekdays.includes(day)}
                    onChange={(event) => {
                      const days = event.target.checked
                        ? [...settings.hours.openWeekdays, day].sort()
                        : settings.hours.openWeekdays.filter((other) => other !== day);
                      setSettings({ ...settings, hours: { ...settings.hours, openWeekdays: days } });
                    }}
                  />
                  <span>{weekdayName(day)}</span>
                </label>
              ))}
            </div>
            {errorOf('hours.openWeekdays') && (
              <p className="field__error" role="alert">
                {errorOf('hours.openWeekdays')}
              </p>
            )}
          </fieldset>
        </section>
        <section className="form-section" aria-labelledby="settings-rooms">
          <h2 id="settings-rooms">{t('settings.rooms')}</h2>
          <p className="hint">{t('settings.roomsHint')}</p>
          {settings.rooms.length === 0 && <p className="muted">{t('settings.noRooms')}</p>}
          {settings.rooms.map((room, index) => (
            <div key={index} className="room-row" data-room-row={index}>
              <Field name={`room-${index}-name`} label={t('settings.roomName', { n: index + 1 })} error={errorOf(`rooms.${index}.name`)}>
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    name={`room-${index}-name`}
                    maxLength={60}
                    value={room.name}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    onChange={(event) =>
                      setSettings({
                        ...settings,
                        rooms: settings.rooms.map((other, i) => (i === index ? { name: event.target.value } : other)),
                      })
                    }
                  />
                )}
              </Field>
              <div>
                <button
                  type="button"
                  data-remove-room={index}
                  aria-label={t('settings.removeRoomOf', { name: room.name || String(index + 1) })}
                  onClick={() => setSettings({ ...settings, rooms: settings.rooms.filter((_, i) => i !== index) })}
                >
                  {t('settings.removeRoom')}
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            data-add-room
            onClick={() => {
              setSettings({ ...settings, rooms: [...settings.rooms, { name: '' }] });
              // The new room's name field takes the focus, so the keyboard goes on typing.
              const next = settings.rooms.length;
              window.requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`input[name="room-${next}-name"]`)?.focus());
            }}
          >
            {t('settings.addRoom')}
          </button>
        </section>
        <section className="form-section" aria-labelledby="settings-security">
          <h2 id="settings-security">{t('settings.security.title')}</h2>
          <div className="form-grid">
            <Field
              name="idleLockMinutes"
              label={t('settings.security.idleLockMinutes')}
              hint={t('settings.security.idleLockHint')}
              error={errorOf('idleLockMinutes')}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="idleLockMinutes"
                  type="number"
                  min={1}
                  max={60}
                  value={settings.idleLockMinutes}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, idleLockMinutes: Number(event.target.value) })}
                />
              )}
            </Field>
            <Field
              name="backup-folder"
              label={t('settings.security.backupFolder')}
              hint={t('settings.security.backupFolderHint')}
              error={errorOf('backup.folder')}
              wide
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="backup-folder"
                  dir="ltr"
                  value={settings.backup.folder}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, backup: { ...settings.backup, folder: event.target.value } })}
                />
              )}
            </Field>
            <Field
              name="backup-keep"
              label={t('settings.security.backupKeep')}
              hint={t('settings.security.backupKeepHint')}
              error={errorOf('backup.keep')}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="backup-keep"
                  type="number"
                  min={1}
                  max={1000}
                  value={settings.backup.keep}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(event) => setSettings({ ...settings, backup: { ...settings.backup, keep: Number(event.target.value) } })}
                />
              )}
            </Field>
          </div>
        </section>
        <section className="form-section" aria-labelledby="settings-prices">
          <h2 id="settings-prices">{t('settings.prices')}</h2>
          <p className="hint">{t('settings.pricesHint')}</p>
          <div className="form-grid">
            {catalog.map((treatment) => {
              const guide = treatment.priceKrw.value;
              return (
                <Field
                  key={treatment.id}
                  name={`price-${treatment.id}`}
                  label={treatment.names[language]}
                  hint={guide ? t('settings.guide', { min: won.format(guide.min), max: won.format(guide.max) }) : t('settings.noGuide')}
                  error={errorOf(`prices.${treatment.id}`)}
                >
                  {({ id, describedBy, invalid }) => (
                    <input
                      id={id}
                      name={`price-${treatment.id}`}
                      inputMode="numeric"
                      dir="ltr"
                      value={prices[treatment.id] ?? ''}
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                      placeholder="₩"
                      onChange={(event) => setPrices({ ...prices, [treatment.id]: event.target.value })}
                    />
                  )}
                </Field>
              );
            })}
          </div>
        </section>
        <section className="form-section" aria-labelledby="settings-packages">
          <h2 id="settings-packages">{t('settings.packages')}</h2>
          <p className="hint">{t('settings.packagesHint')}</p>
          {settings.packages.length === 0 && <p className="muted">{t('settings.noPackages')}</p>}
          {settings.packages.map((offer, index) => {
            const change = (next: Partial<PackageOffer>) =>
              setSettings({ ...settings, packages: settings.packages.map((other, i) => (i === index ? { ...other, ...next } : other)) });
            return (
              <div key={index} className="form-grid" data-package-row={index}>
                <Field
                  name={`package-${index}-treatment`}
                  label={t('settings.packageTreatment')}
                  error={errorOf(`packages.${index}.treatment`)}
                >
                  {({ id, describedBy, invalid }) => (
                    <select
                      id={id}
                      name={`package-${index}-treatment`}
                      value={offer.treatment}
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                      onChange={(event) => change({ treatment: event.target.value as PackageOffer['treatment'] })}
                    >
                      {catalog.map((treatment) => (
                        <option key={treatment.id} value={treatment.id}>
                          {treatment.names[language]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  name={`package-${index}-sessions`}
                  label={t('settings.packageSessions')}
                  error={errorOf(`packages.${index}.sessions`)}
                >
                  {({ id, describedBy, invalid }) => (
                    <input
                      id={id}
                      name={`package-${index}-sessions`}
                      type="number"
                      min={2}
                      max={20}
                      value={offer.sessions}
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                      onChange={(event) => change({ sessions: Number(event.target.value) })}
                    />
                  )}
                </Field>
                <Field name={`package-${index}-price`} label={t('settings.packagePrice')} error={errorOf(`packages.${index}.priceKrw`)}>
                  {({ id, describedBy, invalid }) => (
                    <input
                      id={id}
                      name={`package-${index}-price`}
                      type="number"
                      min={0}
                      step={1000}
                      value={offer.priceKrw}
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                      onChange={(event) => change({ priceKrw: Number(event.target.value) })}
                    />
                  )}
                </Field>
                <div className="field">
                  <button
                    type="button"
                    onClick={() => setSettings({ ...settings, packages: settings.packages.filter((_, i) => i !== index) })}
                  >
                    {t('settings.removePackage')}
                  </button>
                </div>
              </div>
            );
          })}
          <button
            type="button"
            onClick={() =>
              setSettings({ ...settings, packages: [...settings.packages, { treatment: catalog[0]!.id, sessions: 3, priceKrw: 0 }] })
            }
          >
            {t('settings.addPackage')}
          </button>
        </section>
      </form>
      <CoordinatorProfiles />
      <CoordinatorSetting />
      <DiagnosticsSetting />
    </section>
  );
}
