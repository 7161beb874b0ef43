// The clinic sets its own prices (the seeds' ranges are the guide), VAT and hours; a bad price is named beside
// its field and nothing is saved.
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { callService } from './support/services';
import { issueText, uiText } from './support/ui-text';

test('a price typed in the settings is saved, and a bad one is named beside its field', async ({ app, page }) => {
  await page.goto(`${app.url}#/settings`);
  await new AppShell(page).setLanguage('en');
  const pico = page.locator('input[name="price-pico-laser"]');
  await expect(pico).toHaveValue('100000'); // the seeds' lowest price is the default
  await expect(page.locator('[data-field="price-pico-laser"]')).toContainText('₩100,000');

  await pico.fill('12a');
  await page.getByRole('button', { name: uiText('en', 'intake.save') }).click();
  await expect(page.locator('[data-field="price-pico-laser"] .field__error')).toHaveText(issueText('en', 'invalid'));
  expect((await callService(app, 'getClinicSettings', {})).prices['pico-laser']).toBe(100_000);

  await pico.fill('135,000');
  await page.locator('input[name="price-fractional-co2"]').fill('550000');
  await page.locator('input[name="pricesIncludeVat"]').uncheck();
  await page.getByRole('button', { name: uiText('en', 'intake.save') }).click();
  await expect(page.getByRole('status')).toHaveText(uiText('en', 'intake.saved'));
  const saved = await callService(app, 'getClinicSettings', {});
  expect(saved.prices['pico-laser']).toBe(135_000);
  expect(saved.prices['fractional-co2']).toBe(550_000);
  expect(saved.vat.pricesIncludeVat).toBe(false);

  for (const language of ['ko', 'en'] as const) {
    await new AppShell(page).setLanguage(language);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText(language, 'settings.title'));
    await page.screenshot({ path: `test-results/screens/settings-${language}.png`, fullPage: true });
  }
});

test('a package set in the settings prices a plan with that many sessions', async ({ app, page }) => {
  const settings = await callService(app, 'getClinicSettings', {});
  await page.goto(`${app.url}#/settings`);
  await new AppShell(page).setLanguage('en');
  await page.getByRole('button', { name: uiText('en', 'settings.addPackage') }).click();
  await page.locator('select[name="package-0-treatment"]').selectOption('rejuran-healer');
  await page.locator('input[name="package-0-sessions"]').fill('3');
  await page.locator('input[name="package-0-price"]').fill('800000');
  await page.getByRole('button', { name: uiText('en', 'intake.save') }).click();
  await expect(page.getByRole('status')).toHaveText(uiText('en', 'intake.saved'));
  const saved = await callService(app, 'getClinicSettings', {});
  expect(saved.packages).toEqual([{ treatment: 'rejuran-healer', sessions: 3, priceKrw: 800_000 }]);
  expect(saved.prices).toEqual(settings.prices);
  // A plan of three Rejuran sessions is now quoted at the package price.
  await callService(app, 'seedDemoPatients', {});
  const { rows } = await callService(app, 'searchPatients', { query: '', tripStatus: 'all', limit: 1 });
  const evaluation = await callService(app, 'evaluatePatientPlan', {
    patientId: rows[0]!.id,
    plan: { items: [1, 2, 3].map(() => ({ treatment: 'rejuran-healer' as const, date: null })) },
  });
  expect(evaluation.quote.lines[0]).toMatchObject({ packages: 1, netKrw: 800_000 });
});
