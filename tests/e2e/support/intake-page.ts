// The intake form as a test sees it. Controls are found by their `name`, errors inside the field's own
// `[data-field]` wrapper (so "the error is beside its field" is what is checked), buttons by their label.
import { expect, type Locator, type Page } from '@playwright/test';
import type { LanguageTag, PhotoAngle, ScreeningDate, Sex } from '../../../src/shared/domain/intake/vocabulary';
import { eitherLanguage } from './ui-text';

export interface PatientInput {
  readonly nativeName: string;
  readonly latinName: string;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly nationality: string;
  readonly languages: readonly LanguageTag[];
  readonly phone: string;
  readonly email?: string;
  readonly homeTimeZone: string;
  readonly homeCurrency: string;
  readonly arrival: string;
  readonly departure: string;
}

const TEXT_FIELDS = [
  'nativeName',
  'latinName',
  'birthDate',
  'phone',
  'email',
  'homeTimeZone',
  'homeCurrency',
  'arrival',
  'departure',
] as const;
const SELECT_FIELDS = ['sex', 'nationality'] as const;
const PATIENT_URL = /#\/patients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export class IntakePage {
  readonly form: Locator;
  readonly title: Locator;
  readonly saveButton: Locator;
  readonly draftStatus: Locator;
  readonly restoredBanner: Locator;
  readonly errorSummary: Locator;
  readonly savedBanner: Locator;
  readonly discardButton: Locator;
  readonly dialog: Locator;
  readonly backLink: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form#intake-form');
    this.title = page.locator('#intake-title');
    this.saveButton = page.locator('button[type="submit"][form="intake-form"]');
    this.draftStatus = page.locator('.draft-status');
    this.restoredBanner = this.form.locator('.banner[role="status"]:not(.banner--ok)');
    this.errorSummary = this.form.locator('.banner--error[role="alert"]');
    this.savedBanner = this.form.locator('.banner--ok');
    this.discardButton = page.getByRole('button', { name: eitherLanguage('intake.discardDraft') });
    this.dialog = page.getByRole('dialog');
    this.backLink = page.locator('a.back');
  }

  /** The control named `name` (inputs, selects, checkboxes all carry the form field's name). */
  control(name: string): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  /** The wrapper of a field: its label, control, hint and error. */
  field(name: string): Locator {
    return this.form.locator(`[data-field="${name}"]`);
  }

  /** The error shown beside a field, inside the field's own wrapper. */
  errorOf(name: string): Locator {
    return this.field(name).locator(`.field__error[data-error-for="${name}"]`);
  }

  /** All errors shown anywhere in the form. */
  get errors(): Locator {
    return this.form.locator('.field__error');
  }

  /** Waits for the form to be loaded (the record and any draft have been read). */
  async waitUntilReady(): Promise<void> {
    await expect(this.control('nativeName')).toBeVisible();
  }

  async fill(patient: Partial<PatientInput>): Promise<void> {
    for (const name of TEXT_FIELDS) {
      const value = patient[name];
      if (value !== undefined) await this.control(name).fill(value);
    }
    for (const name of SELECT_FIELDS) {
      const value = patient[name];
      if (value !== undefined) await this.control(name).selectOption(value);
    }
    for (const language of patient.languages ?? []) await this.control(`language-${language}`).check();
  }

  /** Answers a date question "not asked", "never", or with a date (YYYY-MM-DD, typed into the field that appears). */
  async answerDate(question: ScreeningDate, answer: 'not_asked' | 'never' | string): Promise<void> {
    const state = answer === 'not_asked' || answer === 'never' ? answer : 'date';
    await this.control(`date-${question}`)
      .and(this.page.locator(`[value="${state}"]`))
      .check();
    if (state === 'date') await this.control(question).fill(answer);
    await expect(this.field(question)).toHaveAttribute('data-date-state', state);
  }

  /** Saves with the keyboard shortcut, as a coordinator at speed would. */
  async pressSave(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+s');
  }

  /** Waits for a new patient's save to land on its own address, and returns the new id. */
  async expectSavedAsNewPatient(): Promise<string> {
    await expect(this.page).toHaveURL(PATIENT_URL);
    const id = PATIENT_URL.exec(this.page.url())![1]!;
    await this.waitUntilReady();
    return id;
  }

  /** The draft key of the new-patient screen on screen ("new:<uuid>"). */
  newDraftKey(): string {
    const match = /#\/patients\/new\/([0-9a-f-]{36})$/.exec(this.page.url());
    if (!match) throw new Error(`Not on a new-patient screen: ${this.page.url()}`);
    return `new:${match[1]}`;
  }

  photoInput(angle: PhotoAngle): Locator {
    return this.form.locator(`input[type="file"][name="photo-${angle}"]`);
  }

  /** The thumbnails of one visit, under that visit's date heading. */
  photosOfVisit(visitDate: string): Locator {
    return this.form
      .locator('.photo-visit')
      .filter({ has: this.page.getByRole('heading', { name: visitDate, exact: true }) })
      .locator('figure.photo');
  }
}
