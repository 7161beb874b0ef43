// The consent summary on screen, rendered from the plan's evaluation (the same consentScope the consent handout
// reads): a draft while a question a rule of this plan reads is open, a blocked treatment kept out until a doctor
// acknowledges it, then in with the doctor's decision. Typechecked with the renderer (tsconfig.web.json).
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import en from '../../../src/renderer/src/i18n/en.json' with { type: 'json' };
import ko from '../../../src/renderer/src/i18n/ko.json' with { type: 'json' };
import { ConsentSummaryView } from '../../../src/renderer/src/screens/plan/ConsentSummaryView';
import { catalogSchema } from '../../../src/shared/domain/catalog/catalog-schema';
import type { PatientIntake } from '../../../src/shared/domain/intake/patient-schema';
import { evaluatePlan } from '../../../src/shared/domain/plan/evaluate-plan';
import { planSchema, type PlanInput } from '../../../src/shared/domain/plan/plan-schema';
import { rulesSchema } from '../../../src/shared/domain/rules/rule-schema';
import { defaultClinicSettings } from '../../../src/shared/domain/settings/clinic-settings';
import catalogJson from '../../../resources/catalog/treatments.json' with { type: 'json' };
import rulesJson from '../../../resources/rules/contraindications.json' with { type: 'json' };
import { CLEAN_SCREENING } from '../../support/clean-screening';

// The view's print button reaches the services; rendering never calls it.
vi.mock('../../../src/renderer/src/api/client', () => ({ api: {} }));

const catalog = catalogSchema.parse(catalogJson);
const rules = rulesSchema.parse(rulesJson);
const settings = defaultClinicSettings(catalog);
const TODAY = '2027-03-01';
const DAY = '2027-03-03';

/** An English-speaking patient allergic to fish (salmon PN is blocked) whom nobody has asked about pregnancy yet. */
const patient = (screening: Partial<PatientIntake['screening']> = {}): PatientIntake => ({
  id: '6b0c2f4e-2d7a-4f53-9b1e-3c8d2a1f0e11',
  names: { native: 'Emily Carter', latin: 'Emily Carter' },
  birthDate: '1990-04-12',
  sex: 'female',
  nationality: 'AU',
  languages: ['en'],
  phone: '+61412345678',
  messengers: [],
  email: null,
  homeTimeZone: 'Australia/Sydney',
  homeCurrency: 'AUD',
  trip: { arrival: '2027-03-02', departure: '2027-03-12', stayAddress: 'Gangnam, Seoul' },
  skin: { fitzpatrick: 2, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING, pregnant: null, allergies: { items: ['fish'], other: '' }, ...screening },
  consents: [],
});

const items: PlanInput['items'] = [
  { treatment: 'pico-laser', date: DAY, time: '10:00' },
  { treatment: 'rejuran-healer', date: DAY, time: '11:00' },
];
const ACK = {
  rule: 'fish-allergy-salmon-pn',
  treatment: 'rejuran-healer',
  date: DAY,
  doctor: 'Seo Yeon-woo',
  at: '2027-03-01T02:00:00Z',
} as const;

async function render(who: PatientIntake, acknowledgements: PlanInput['acknowledgements'] = [], uiLanguage: 'en' | 'ko' = 'en') {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng: uiLanguage,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  const plan = planSchema.parse({ items, acknowledgements });
  const { consent } = evaluatePlan(who, plan, catalog, rules, settings, TODAY);
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(ConsentSummaryView, { consent, patient: who, patientLanguage: 'en' })),
  );
  const host = new DOMParserLite(html);
  return { html, host, t: (key: string, lng: 'en' | 'ko' = uiLanguage) => i18n.t(key, { lng }) };
}

const ENTITIES: Record<string, string> = { '#x27': "'", quot: '"', lt: '<', gt: '>', amp: '&' };

/** Just enough of the markup to find an element by an attribute and read its text. */
class DOMParserLite {
  constructor(readonly html: string) {}

  /** The text inside the first element carrying `attribute` (with `value`, if given), tags removed. */
  text(attribute: string, value?: string): string | null {
    const open = new RegExp(`<([a-z0-9]+)[^>]*\\s${attribute}${value === undefined ? '(="[^"]*")?' : `="${value}"`}[^>]*>`).exec(this.html);
    if (!open) return null;
    const tag = open[1]!;
    let depth = 0;
    const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
    tags.lastIndex = open.index;
    for (let match = tags.exec(this.html); match; match = tags.exec(this.html)) {
      depth += match[1] ? -1 : 1;
      if (depth === 0)
        return this.html
          .slice(open.index + open[0].length, match.index)
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/&(#x27|quot|lt|gt|amp);/g, (_, name: string) => ENTITIES[name]!);
    }
    return null;
  }

  /** The opening tag of the first element carrying `attribute`. */
  tag(attribute: string): string | null {
    return new RegExp(`<[a-z0-9]+[^>]*\\s${attribute}(="[^"]*")?[^>]*>`).exec(this.html)?.[0] ?? null;
  }

  count(attribute: string): number {
    return [...this.html.matchAll(new RegExp(`\\s${attribute}[\\s=>]`, 'g'))].length;
  }
}

describe('the consent summary on screen', () => {
  it('is a draft while a question a rule of this plan reads is open, naming the question, with no signature lines', async () => {
    const { host, t } = await render(patient());
    expect(host.tag('data-consent-draft')).toContain('role="status"');
    const banner = host.text('data-consent-draft')!;
    expect(banner).toContain(`${t('plan.consent.draft', 'en')} · ${t('plan.consent.draft', 'ko')}`);
    expect(host.text('data-consent-open-questions', 'en')).toContain('We have not yet asked whether you are or may be pregnant.');
    expect(host.text('data-consent-open-questions', 'ko')).toContain(t('plan.consent.draftWhy', 'ko'));
    expect(host.count('data-signature')).toBe(0);
    expect(host.text('data-consent-unsigned')).toContain(t('plan.consent.draft', 'en'));
  });

  it('is not a draft when the only open question is one no rule of this plan reads', async () => {
    // Asthma or sulfite sensitivity matters for a glutathione drip, not for this plan.
    const { host } = await render(patient({ pregnant: false, asthmaOrSulfite: null }));
    expect(host.tag('data-consent-draft')).toBeNull();
    expect(host.count('data-signature')).toBe(3);
  });

  it('keeps a treatment with a block no doctor acknowledged out of the treatments, and says why', async () => {
    const { host, t } = await render(patient({ pregnant: false }));
    expect(host.text('data-consent-treatment', 'pico-laser')).toContain('Pico laser');
    expect(host.tag('data-consent-treatment="rejuran-healer"')).toBeNull();
    const keptOut = host.text('data-consent-kept-out', 'en')!;
    expect(keptOut).toContain(t('plan.consent.keptOutTitle', 'en'));
    expect(keptOut).toContain('Rejuran Healer');
    expect(keptOut).toContain(t('plan.consent.keptOutWhy', 'en'));
    expect(host.text('data-consent-kept-out', 'ko')).toContain('리쥬란 힐러');
    // Nothing about the fish allergy is signed for while the treatment it concerns is out.
    expect(host.text('data-consent-flags', 'en')).not.toContain('fish');
  });

  it('takes the treatment in once a doctor acknowledges the block, with the doctor’s name and the date of the decision', async () => {
    const { host } = await render(patient({ pregnant: false }), [ACK]);
    expect(host.tag('data-consent-kept-out')).toBeNull();
    expect(host.text('data-consent-treatment', 'rejuran-healer')).toContain('Rejuran Healer');
    const flags = host.text('data-consent-flags', 'en')!;
    expect(flags).toContain('You told us you are allergic to fish');
    expect(host.text('data-consent-decision')).toBe(
      'Dr Seo Yeon-woo reviewed this on 2027-03-01 and decided to go ahead with this treatment.',
    );
    expect(host.count('data-signature')).toBe(3);
  });

  it('speaks to the coordinator in the UI language and to the patient in the columns’ languages', async () => {
    const { host, t } = await render(patient(), [], 'ko');
    expect(host.text('data-consent-draft')).toContain(t('plan.consent.draftHint', 'ko'));
    expect(host.text('data-consent-open-questions', 'en')).toContain('pregnant');
  });
});
