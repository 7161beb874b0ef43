// The patient list as a test sees it: the search box, the trip filter, the grid of patients and the list of
// unsaved intakes. Rows are found by patient id, never by position, because the list is sorted and virtualised.
import { expect, type Locator, type Page } from '@playwright/test';
import type { TripStatus } from '../../../src/shared/domain/intake/vocabulary';
import type { App } from './fixtures';
import { eitherLanguage } from './ui-text';

export class PatientListPage {
  readonly screen: Locator;
  readonly search: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly newPatientButton: Locator;
  readonly drafts: Locator;

  constructor(
    readonly page: Page,
    readonly app: App,
  ) {
    this.screen = page.locator('section[aria-labelledby="list-title"]');
    this.search = page.locator('input[name="search"]');
    this.grid = page.getByRole('grid');
    this.rows = page.locator('[role="row"][data-patient-id]');
    this.newPatientButton = this.screen.locator('.screen__header').getByRole('button', { name: eitherLanguage('app.newPatient') });
    this.drafts = page.getByRole('complementary', { name: eitherLanguage('list.drafts') });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.app.url}#/patients`);
    await this.waitForResults();
  }

  /** Waits until the list shows the answer to the current query and filter (the screen is not busy). */
  async waitForResults(): Promise<void> {
    await expect(this.screen).toHaveAttribute('aria-busy', 'false');
  }

  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
    await this.waitForResults();
  }

  row(patientId: string): Locator {
    return this.page.locator(`[role="row"][data-patient-id="${patientId}"]`);
  }

  /** The ids of the rows on screen, top to bottom (the virtual list keeps them in DOM order by index). */
  async visibleIds(): Promise<string[]> {
    const ids = await this.rows.evaluateAll((rows) =>
      rows
        .map((row) => ({ id: row.getAttribute('data-patient-id') ?? '', index: Number(row.getAttribute('aria-rowindex')) }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.id),
    );
    return ids;
  }

  /** The text of one column of the rendered rows, top to bottom. */
  async columnTexts(columnId: string): Promise<string[]> {
    return this.rows.evaluateAll(
      (rows, id) =>
        rows
          .map((row) => ({
            index: Number(row.getAttribute('aria-rowindex')),
            text: row.querySelector(`.grid__cell--${id}`)?.textContent ?? '',
          }))
          .sort((a, b) => a.index - b.index)
          .map((row) => row.text),
      columnId,
    );
  }

  statusFilter(value: 'all' | TripStatus): Locator {
    return this.page.locator(`input[name="trip-status"][value="${value}"]`);
  }

  async filterByStatus(value: 'all' | TripStatus): Promise<void> {
    await this.statusFilter(value).check();
    await this.waitForResults();
  }

  columnHeader(columnKey: string): Locator {
    return this.grid.getByRole('columnheader', { name: eitherLanguage(`list.columns.${columnKey}`) });
  }

  /** Sorts by a column with its header button; each click cycles ascending, descending, unsorted. */
  async sortBy(columnKey: string): Promise<void> {
    await this.columnHeader(columnKey).getByRole('button').click();
  }

  async newPatient(): Promise<void> {
    await this.newPatientButton.click();
    await expect(this.page).toHaveURL(/#\/patients\/new\/[0-9a-f-]{36}$/);
  }
}
