// The follow-ups screen as a test sees it: one list item per due follow-up, found by patient and step, carrying
// its state and any recorded outcome as data; outcomes are recorded with the item's own form and the keyboard.
import { expect, type Locator, type Page } from '@playwright/test';
import type { FollowUpOutcome } from '../../../src/shared/contract/followups';
import type { App } from './fixtures';
import { eitherLanguage } from './ui-text';

export class FollowUpsPage {
  readonly screen: Locator;
  readonly title: Locator;
  readonly items: Locator;
  readonly emptyState: Locator;
  readonly banner: Locator;
  readonly navLink: Locator;

  constructor(
    readonly page: Page,
    readonly app: App,
  ) {
    this.screen = page.locator('section.screen--followups');
    this.title = page.locator('#followups-title');
    this.items = this.screen.locator('li[data-followup-id]');
    this.emptyState = this.screen.locator('[data-followups-empty]');
    this.banner = this.screen.locator('[data-followups-banner]');
    this.navLink = page.locator('.topbar__nav').getByRole('link', { name: eitherLanguage('followups.title') });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.app.url}#/followups`);
    await this.waitUntilReady();
  }

  /** Waits until the list (or its empty state) is on screen. */
  async waitUntilReady(): Promise<void> {
    await expect(this.page).toHaveURL(/#\/followups$/);
    await expect(this.items.first().or(this.emptyState)).toBeVisible();
  }

  item(patientId: string, step = 'day-3'): Locator {
    return this.screen.locator(`li[data-patient-id="${patientId}"][data-step="${step}"]`);
  }

  ofPatient(patientId: string): Locator {
    return this.screen.locator(`li[data-patient-id="${patientId}"]`);
  }

  stateBadge(item: Locator): Locator {
    return item.locator('[data-state-badge]');
  }

  outcomeBadge(item: Locator): Locator {
    return item.locator('[data-outcome-badge]');
  }

  /** Chooses an outcome, types a note and records it with Enter, then waits for the list to answer. */
  async record(item: Locator, outcome: FollowUpOutcome, note: string): Promise<void> {
    const id = await item.getAttribute('data-followup-id');
    const select = item.getByRole('combobox', { name: eitherLanguage('followups.outcome') });
    await select.focus();
    await select.selectOption(outcome);
    const noteBox = item.getByRole('textbox', { name: eitherLanguage('followups.note') });
    await noteBox.fill(note);
    await noteBox.press('Enter');
    await expect(this.banner).toHaveAttribute('data-followups-banner', 'ok');
    await expect(this.banner).toBeFocused();
    const closed = outcome === 'photos_received' || outcome === 'done';
    const after = this.screen.locator(`li[data-followup-id="${id}"]`);
    if (closed) await expect(after).toHaveCount(0);
    else await expect(after).toHaveAttribute('data-outcome', outcome);
  }
}
