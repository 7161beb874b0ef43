// The treatment plan screen as a test sees it. Sessions are rows of the sessions table (found by treatment and
// position), findings carry their rule, severity, treatment and date as data, and every wait for the live checks
// goes through `settle()`: the findings panel says when it answers the plan on screen.
import { expect, type Locator, type Page } from '@playwright/test';
import type { TreatmentId } from '../../../src/shared/domain/catalog/catalog-schema';
import type { Severity } from '../../../src/shared/domain/rules/rule-schema';
import type { App } from './fixtures';
import { eitherLanguage } from './ui-text';

export interface FindingQuery {
  readonly rule?: string;
  readonly severity?: Severity;
  readonly treatment?: TreatmentId;
  readonly date?: string | null;
}

export class PlanPage {
  readonly screen: Locator;
  readonly title: Locator;
  readonly backLink: Locator;
  readonly saveButton: Locator;
  readonly status: Locator;
  readonly banner: Locator;
  readonly errorBanners: Locator;
  readonly decisionSupport: Locator;
  readonly sessionsTable: Locator;
  readonly rows: Locator;
  readonly emptyState: Locator;
  readonly suggestions: Locator;
  readonly catalogSelect: Locator;
  readonly addButton: Locator;
  readonly scheduleButton: Locator;
  readonly nextVisit: Locator;
  readonly findingsPanel: Locator;
  readonly findings: Locator;
  readonly findingsSummary: Locator;
  readonly quote: Locator;
  readonly totalKrw: Locator;
  readonly homeAmount: Locator;
  readonly staleRate: Locator;
  readonly planTab: Locator;
  readonly consentTab: Locator;
  readonly consent: Locator;
  /** The consent's draft banner: shown while a screening question a rule of this plan reads is open. */
  readonly consentDraft: Locator;
  /** Where the signature lines stand, saying instead that this version is not to be signed. */
  readonly consentUnsigned: Locator;

  constructor(
    readonly page: Page,
    readonly app: App,
  ) {
    this.screen = page.locator('section.screen--plan');
    this.title = page.locator('#plan-title');
    this.backLink = this.screen.locator('a.back');
    this.saveButton = this.screen.locator('button[data-save-plan]');
    this.status = this.screen.locator('[data-plan-status]');
    this.banner = this.screen.locator('[data-plan-banner]');
    this.errorBanners = this.screen.locator('.banner--error[role="alert"]');
    this.decisionSupport = this.screen.locator('.screen__header [role="note"]');
    this.sessionsTable = this.screen.locator('table.sessions');
    this.rows = this.sessionsTable.locator('tbody tr[data-session-row]');
    this.emptyState = this.screen.locator('[data-empty-plan]');
    this.suggestions = this.screen.locator('button[data-suggestion]');
    this.catalogSelect = this.screen.locator('select[name="add-treatment"]');
    this.addButton = this.screen.locator('form.add-treatment button[type="submit"]');
    this.scheduleButton = this.screen.getByRole('button', { name: eitherLanguage('plan.sessions.schedule') });
    this.nextVisit = this.screen.locator('[data-next-visit]');
    this.findingsPanel = this.screen.locator('section.panel--findings');
    this.findings = this.findingsPanel.locator('li.finding');
    this.findingsSummary = this.findingsPanel.locator('[data-findings-summary]');
    this.quote = this.screen.locator('section[data-quote]');
    this.totalKrw = this.quote.locator('[data-total-krw]');
    this.homeAmount = this.quote.locator('[data-home-amount]');
    this.staleRate = this.quote.locator('[data-rate-stale]');
    this.planTab = this.screen.getByRole('tab', { name: eitherLanguage('plan.tabs.plan') });
    this.consentTab = this.screen.getByRole('tab', { name: eitherLanguage('plan.tabs.consent') });
    this.consent = this.screen.locator('section[data-consent-summary]');
    this.consentDraft = this.consent.locator('[data-consent-draft]');
    this.consentUnsigned = this.consent.locator('[data-consent-unsigned]');
  }

  async goto(patientId: string): Promise<void> {
    await this.page.goto(`${this.app.url}#/patients/${patientId}/plan`);
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.page).toHaveURL(/#\/patients\/[0-9a-f-]{36}\/plan$/);
    await expect(this.catalogSelect).toBeVisible();
    await this.settle();
  }

  /** Waits until the checks on screen answer the plan on screen (the live evaluation has caught up). */
  async settle(): Promise<void> {
    await expect(this.findingsPanel).toHaveAttribute('data-pending', 'false');
  }

  suggestion(treatment: TreatmentId): Locator {
    return this.screen.locator(`button[data-suggestion="${treatment}"]`);
  }

  async addSuggestion(treatment: TreatmentId): Promise<void> {
    const before = await this.rows.count();
    await this.suggestion(treatment).click();
    await expect(this.rows).toHaveCount(before + 1);
    await this.settle();
  }

  async addFromCatalog(treatment: TreatmentId): Promise<void> {
    const before = await this.rows.count();
    await this.catalogSelect.selectOption(treatment);
    await this.addButton.click();
    await expect(this.rows).toHaveCount(before + 1);
    await this.settle();
  }

  /** The sessions of one treatment, in table order. */
  rowsOf(treatment: TreatmentId): Locator {
    return this.sessionsTable.locator(`tbody tr[data-treatment="${treatment}"]`);
  }

  dateInput(row: Locator): Locator {
    return row.locator('input[type="date"]');
  }

  async setDate(row: Locator, date: string | null): Promise<void> {
    await this.dateInput(row).fill(date ?? '');
    await this.settle();
  }

  /** The dates of the sessions on screen, table order ("" for an undated session). */
  async sessionDates(): Promise<{ treatment: string; date: string }[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => ({ treatment: row.getAttribute('data-treatment') ?? '', date: row.getAttribute('data-date') ?? '' })),
    );
  }

  rowError(row: Locator): Locator {
    return row.locator('.field__error[data-error-for="session"]');
  }

  /**
   * The finding cards matching a query. A block is one card per session; a caution or a note is one card listing
   * every session it concerns, so a treatment and date select the card that lists that session.
   */
  finding(query: FindingQuery): Locator {
    let selector = 'li.finding';
    if (query.rule) selector += `[data-rule="${query.rule}"]`;
    if (query.severity) selector += `[data-severity="${query.severity}"]`;
    let session = 'li[data-session]';
    if (query.treatment) session += `[data-treatment="${query.treatment}"]`;
    if (query.date !== undefined) session += `[data-date="${query.date ?? ''}"]`;
    const cards = this.findingsPanel.locator(selector);
    return query.treatment || query.date !== undefined ? cards.filter({ has: this.page.locator(session) }) : cards;
  }

  /** Acknowledges a blocking finding in the name of a doctor, with the inline form and the keyboard. */
  async acknowledge(finding: Locator, doctor: string): Promise<void> {
    await finding.getByRole('button', { name: eitherLanguage('plan.findings.acknowledgeOf') }).click();
    const name = finding.getByRole('textbox', { name: eitherLanguage('plan.findings.doctor') });
    await expect(name).toBeFocused();
    await name.fill(doctor);
    await name.press('Enter');
    await expect(finding).toHaveAttribute('data-acknowledged', 'true');
    await this.settle();
  }

  async pressSave(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+s');
  }

  discountInput(treatment: TreatmentId): Locator {
    return this.quote.locator(`input[name="discount-${treatment}"]`);
  }

  quoteLine(treatment: TreatmentId): Locator {
    return this.quote.locator(`tr[data-quote-line="${treatment}"]`);
  }

  async enterRate(rate: { readonly krwPerUnit: string; readonly date: string; readonly source: string }): Promise<void> {
    await this.quote.locator('input[name="rate-krw-per-unit"]').fill(rate.krwPerUnit);
    await this.quote.locator('input[name="rate-date"]').fill(rate.date);
    await this.quote.locator('input[name="rate-source"]').fill(rate.source);
    await this.settle();
  }

  async openConsent(): Promise<void> {
    await this.consentTab.click();
    await expect(this.consent).toBeVisible();
    await this.settle();
  }

  consentTreatment(treatment: TreatmentId, language: 'ko' | 'en'): Locator {
    return this.consent.locator(`[data-consent-treatment="${treatment}"][data-language="${language}"]`);
  }

  /** The open questions the draft names, in one column's language. */
  consentOpenQuestions(language: 'ko' | 'en'): Locator {
    return this.consentDraft.locator(`[data-consent-open-questions="${language}"] li`);
  }

  /** The treatments kept out of the consent (a block no doctor has reviewed), in one column's language. */
  consentKeptOut(language: 'ko' | 'en'): Locator {
    return this.consent.locator(`[data-consent-kept-out="${language}"]`);
  }

  /** The patient's conditions in one column's language, each with the doctor's decision when one was made. */
  consentConditions(language: 'ko' | 'en'): Locator {
    return this.consent.locator(`[data-consent-flags="${language}"] [data-consent-condition]`);
  }
}
