// The reports screen: the range form, the charts with their CSV exports, the KHIDI year, its gaps and its .xlsx.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AppShell } from './app-shell';
import { uiText, type UiLanguage } from './ui-text';

export class ReportsPage {
  constructor(
    readonly page: Page,
    readonly language: UiLanguage = 'en',
  ) {}

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/reports`);
    await new AppShell(this.page).setLanguage(this.language);
    await expect(this.page.getByRole('heading', { level: 1, name: uiText(this.language, 'reports.title') })).toBeVisible();
  }

  async showRange(from: string, to: string): Promise<void> {
    await this.page.getByLabel(uiText(this.language, 'reports.from'), { exact: true }).fill(from);
    await this.page.getByLabel(uiText(this.language, 'reports.to'), { exact: true }).fill(to);
    await this.page.locator('[data-show-summary]').click();
  }

  figure(name: string): Locator {
    return this.page.locator(`[data-figure="${name}"]`);
  }

  card(id: string): Locator {
    return this.page.locator(`[data-report="${id}"]`);
  }

  /** The chart's bars as drawn (recharts renders one path per bar). */
  bars(id: string): Locator {
    return this.page.locator(`[data-chart="${id}"] .recharts-bar-rectangle`);
  }

  async exportCsv(id: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.locator(`[data-export-csv="${id}"]`).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    return { download, text };
  }

  async showKhidi(year: number): Promise<void> {
    await this.page.getByLabel(uiText(this.language, 'reports.khidi.year'), { exact: true }).selectOption(String(year));
    await this.page.locator('[data-show-khidi]').click();
    await expect(this.page.locator('[data-khidi-count]')).toBeVisible();
  }

  gaps(): Locator {
    return this.page.locator('[data-khidi-gaps] li');
  }

  async exportKhidi(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.locator('[data-export-khidi]').click()]);
    return download;
  }
}
