// What a coordinator sees of the support log: an internal error says so in the UI language with a small
// reference to read out, and Settings saves the diagnostics bundle into a folder they pick.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { PatientListPage } from './support/patient-list-page';
import { issueText, uiText } from './support/ui-text';

test('an internal error shows its reference, in Korean and in English', async ({ app, page }) => {
  const list = new PatientListPage(page, app);
  await list.goto();
  // A table the list reads is gone (as after a failed update): the search throws inside the services.
  await app.sql.run('ALTER TABLE patient_restrictions RENAME TO patient_restrictions_away');
  try {
    await page.reload();
    const banner = list.screen.locator('.banner--error[role="alert"]');
    const reference = banner.locator('[data-error-reference]');
    await expect(reference).toHaveAttribute('data-error-reference', /^[0-9A-HJKMNP-TV-Z]{8}$/);
    const id = (await reference.getAttribute('data-error-reference'))!;
    for (const language of ['ko', 'en'] as const) {
      await new AppShell(page).setLanguage(language);
      // A read that failed says so as a read (nothing was being saved), with the same reference.
      await expect(banner).toContainText(uiText(language, 'load.internal'));
      await expect(reference).toHaveText(uiText(language, 'errors.reference', { reference: id }));
      await banner.screenshot({ path: `test-results/screens/error-reference-${language}.png` });
    }
    await page.screenshot({ path: 'test-results/screens/error-reference-page-en.png' });
  } finally {
    await app.sql.run('ALTER TABLE patient_restrictions_away RENAME TO patient_restrictions');
  }
});

test('Settings saves the diagnostics bundle into the folder typed', async ({ app, page }) => {
  const out = mkdtempSync(join(tmpdir(), 'clinicdesk-e2e-diagnostics-'));
  try {
    await page.goto(`${app.url}#/settings`);
    const section = page.locator('[data-diagnostics-setting]');
    for (const language of ['ko', 'en'] as const) {
      await new AppShell(page).setLanguage(language);
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(uiText(language, 'diagnostics.title'));
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `test-results/screens/settings-diagnostics-${language}.png` });
    }
    await section.locator('input[name="diagnostics-folder"]').fill(join(out, 'support'));
    await section.getByRole('button', { name: uiText('en', 'diagnostics.save') }).click();
    const saved = section.locator('[data-diagnostics-saved]');
    await expect(saved).toContainText(join(out, 'support', 'clinicdesk-diagnostics-'));
    const [file] = readdirSync(join(out, 'support'));
    expect(file).toMatch(/^clinicdesk-diagnostics-\d{8}-\d{6}\.zip$/);
    await section.screenshot({ path: 'test-results/screens/settings-diagnostics-saved-en.png' });

    // A path that is not absolute is named beside the field, and nothing is written.
    await section.locator('input[name="diagnostics-folder"]').fill('support');
    await section.getByRole('button', { name: uiText('en', 'diagnostics.save') }).click();
    await expect(section.locator('[data-error-for="diagnostics-folder"]')).toHaveText(issueText('en', 'absolute_path_required'));
    expect(existsSync(join(out, 'support', file!))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
