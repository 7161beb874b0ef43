// The consent handout speaks to the patient and covers only what can be signed: read back from the PDF, an
// acknowledged block names the doctor and the day, an unacknowledged block's treatment is absent, an open question a
// rule of the plan reads makes it a draft without signature lines (one no rule reads does not), and the statement
// stands on the page of the signature lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../../resources/locales/en/handout.json';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { patientFindingText } from '../../../src/shared/domain/consent/patient-findings';
import type { HandoutInput } from '../../../src/main/handouts/kinds/handout-input';
import { handoutInput } from '../../support/handout-input';
import { normalise, pdfText } from './pdf-tools';

/** Each page's text, white space collapsed. */
function pdfPages(pdf: Buffer): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-consent-'));
  try {
    writeFileSync(join(folder, 'c.pdf'), pdf);
    return execFileSync('pdftotext', [join(folder, 'c.pdf'), '-'], { encoding: 'utf8' })
      .split('\f')
      .map(normalise)
      .filter((page) => page !== '');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const fishAllergic = (input: HandoutInput): HandoutInput => ({
  ...input,
  patient: { ...input.patient, screening: { ...input.patient.screening, allergies: { items: ['fish'], other: '' } } },
});

const consentOf = async (input: HandoutInput) => pdfText(await makeHandout(input, { kind: 'consent', language: 'en', bilingual: false }));
const fishText = normalise(patientFindingText('fish-allergy-salmon-pn', 'en')!);

describe('the consent handout', () => {
  it("words a block the doctor acknowledged for the patient, with the doctor's name and the day of the decision", async () => {
    const input = fishAllergic(handoutInput('en', ['rejuran-healer', 'led-therapy']));
    const rejuran = input.plan.items.find((item) => item.treatment === 'rejuran-healer')!;
    const acknowledged: HandoutInput = {
      ...input,
      plan: {
        ...input.plan,
        acknowledgements: [
          {
            rule: 'fish-allergy-salmon-pn',
            treatment: 'rejuran-healer',
            date: rejuran.date,
            doctor: 'Kim Minji',
            at: '2027-01-05T02:00:00Z',
          },
        ],
      },
    };
    const text = await consentOf(acknowledged);
    expect(text).toContain('Rejuran');
    expect(text).toContain(fishText.slice(0, 40));
    expect(text).toContain('Dr Kim Minji reviewed this on 5 January 2027 and decided to go ahead with this treatment.');
    // The rule's staff instruction never reaches the patient.
    expect(text).not.toContain('Ask the doctor to choose another skin booster');
  });

  it('keeps a treatment with a block nobody acknowledged out of the consent, and says some treatments wait', async () => {
    const text = await consentOf(fishAllergic(handoutInput('en', ['rejuran-healer', 'led-therapy'])));
    expect(text).not.toContain('Rejuran');
    expect(text).not.toContain(fishText.slice(0, 40));
    expect(text).toContain('LED');
    expect(text).toContain(normalise(english.consent.notIncluded).slice(0, 50));
  });

  it('prints as a draft without signature lines while a question a rule of this plan reads is open', async () => {
    const input = handoutInput('en', ['rejuran-healer']);
    const open: HandoutInput = { ...input, patient: { ...input.patient, screening: { ...input.patient.screening, pregnant: null } } };
    const text = await consentOf(open);
    expect(text).toContain('DRAFT');
    expect(text).toContain(normalise(patientFindingText('pregnancy-not-asked', 'en')!));
    expect(text).not.toContain(english.consent.statement);
    expect(text).not.toContain(english.consent.signature);

    // Vitiligo/psoriasis is read by no rule on an injectable booster: still open, it does not hold the consent back.
    const unread: HandoutInput = {
      ...input,
      patient: { ...input.patient, screening: { ...input.patient.screening, koebnerCondition: null } },
    };
    const signable = await consentOf(unread);
    expect(signable).not.toContain('DRAFT');
    expect(signable).toContain(english.consent.statement);
  });

  it('carries numbing, no treatment as an option, no guarantee, the printed name and an interpreter line', async () => {
    const input = handoutInput('en', ['fractional-co2']);
    const text = await consentOf(input);
    expect(text).toContain(`${english.consent.anaesthesia}: ${english.consent.anaesthesiaKinds.topical}`);
    expect(text).toMatch(new RegExp(`${english.consent.alternatives}: .*${english.consent.noTreatment}`));
    expect(text).toContain(english.consent.notGuaranteed.slice(0, 40));
    expect(text).toContain(`Patient's name: ${input.patient.names.latin}`);
    expect(text).toContain('Interpreter (if one helped you): name');
    // The catalog's rare complications of an ablative laser, scarring and cold-sore reactivation among them.
    const complications = text.slice(text.indexOf(english.consent.complications), text.indexOf(english.consent.alternatives));
    expect(complications).toContain('Rarely, scarring');
    expect(complications).toContain('A cold-sore (herpes) flare-up around the mouth');
  });

  it('keeps the statement on the page of the signature lines, for a consent long enough to turn pages', async () => {
    const input = handoutInput('en', ['fractional-co2', 'fraxel', 'rf-microneedling', 'ha-filler', 'ultherapy']);
    const pages = pdfPages(await makeHandout(input, { kind: 'consent', language: 'en', bilingual: false }));
    expect(pages.length).toBeGreaterThan(1);
    const statementPage = pages.findIndex((page) => page.includes(english.consent.statement));
    expect(statementPage).toBeGreaterThanOrEqual(0);
    expect(pages[statementPage]).toContain(english.consent.interpreterRole);
    expect(pages[statementPage]).toContain(english.consent.doctor);
    expect(pages[statementPage]!.split(english.consent.signature).length - 1).toBe(4);
  });
});
