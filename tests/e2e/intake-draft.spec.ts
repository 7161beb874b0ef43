// What a coordinator types is kept as a draft: a reload brings every value back exactly as typed (a half-typed
// phone number included), the list offers the unsaved intake, and discarding it empties the form for good.
import { expect, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';
import { eitherLanguage } from './support/ui-text';

const TYPED = {
  nativeName: 'สมหญิง ใจดี',
  latinName: 'Somying Jaidee',
  // Half typed: not yet a valid number, and it must survive as it is, spaces and all.
  phone: '+66 81 23',
};

test('a draft survives a reload, is listed as an unsaved intake, and can be discarded', async ({ page, app }) => {
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);

  await list.goto();
  await list.newPatient();
  await intake.waitUntilReady();
  const draftKey = intake.newDraftKey();
  await expect(intake.restoredBanner).toHaveCount(0);

  await intake.fill(TYPED);
  await expect(page.locator('.draft-status[data-draft-state="saved"]')).toBeVisible();
  // The indicator may already show an earlier autosave; wait until the stored draft has the last keystroke.
  await expect.poll(async () => (await callService(app, 'getDraft', { key: draftKey }))?.form).toMatchObject(TYPED);
  expect(await callService(app, 'getAppInfo', {})).toMatchObject({ patientCount: 0 });

  await page.reload();
  await intake.waitUntilReady();
  await expect(intake.restoredBanner).toBeVisible();
  await expect(intake.restoredBanner).toHaveText(eitherLanguage('intake.draftRestored'));
  for (const [name, value] of Object.entries(TYPED)) await expect(intake.control(name)).toHaveValue(value);
  // Fields not typed in stay empty.
  await expect(intake.control('email')).toHaveValue('');

  await intake.backLink.click();
  await list.waitForResults();
  await expect(list.drafts).toBeVisible();
  const entry = list.drafts.getByRole('listitem').filter({ hasText: TYPED.nativeName });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`${TYPED.nativeName} · ${TYPED.latinName}`);

  await entry.getByRole('link', { name: eitherLanguage('list.resume') }).click();
  await expect(page).toHaveURL(new RegExp(`#/patients/new/${draftKey.slice('new:'.length)}$`));
  await intake.waitUntilReady();
  await expect(intake.control('nativeName')).toHaveValue(TYPED.nativeName);

  await intake.discardButton.click();
  await expect(intake.dialog).toBeVisible();
  // The safe choice has the focus, so a reflexive Enter does not destroy anything.
  await expect(intake.dialog.getByRole('button', { name: eitherLanguage('intake.cancel') })).toBeFocused();
  await intake.dialog.getByRole('button', { name: eitherLanguage('intake.discard') }).click();
  await expect(intake.dialog).toBeHidden();

  for (const name of Object.keys(TYPED)) await expect(intake.control(name)).toHaveValue('');
  await expect(intake.restoredBanner).toHaveCount(0);
  await expect(intake.discardButton).toHaveCount(0);
  expect(await callService(app, 'getDraft', { key: draftKey })).toBeNull();

  // Gone for good: neither a reload nor the list brings it back.
  await page.reload();
  await intake.waitUntilReady();
  await expect(intake.control('nativeName')).toHaveValue('');
  await expect(intake.restoredBanner).toHaveCount(0);
  await list.goto();
  await expect(list.drafts).toHaveCount(0);
});
