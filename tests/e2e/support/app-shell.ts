// The frame around every screen: the UI language switch in the top bar.
import { expect, type Locator, type Page } from '@playwright/test';
import type { UiLanguage } from './ui-text';

export class AppShell {
  constructor(readonly page: Page) {}

  languageButton(language: UiLanguage): Locator {
    return this.page.locator('.topbar__languages').getByRole('button', { name: language === 'ko' ? '한국어' : 'English' });
  }

  /** Switches the UI language with the top-bar buttons and waits until the page says it is in that language. */
  async setLanguage(language: UiLanguage): Promise<void> {
    await this.languageButton(language).click();
    await expect(this.languageButton(language)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.page.locator('html')).toHaveAttribute('lang', language);
  }
}
