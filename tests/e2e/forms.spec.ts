// The forms on the form library: every change reaches the intake's draft (a text typed, a box checked, a radio
// chosen), so a reload brings them back; a door's refusal at a field path lands beside that field with the focus
// in it (a taken name, a wrong PIN, both only the services can know); the form's own checks (a PIN typed twice
// differently, a price that is not a number) are said beside the field with the focus there; screenshots in both
// languages.
import { saveScreenshot } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { DEFAULT_COORDINATOR, expect, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';
import { issueText, uiText } from './support/ui-text';

test('every kind of change reaches the intake draft, and a reload mid-typing brings them all back', async ({ page, app }) => {
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  await list.goto();
  await list.newPatient();
  await intake.waitUntilReady();
  const draftKey = intake.newDraftKey();

  await intake.control('nativeName').fill('김민지');
  await intake.control('language-ko').check();
  await intake.control('language-en').check();
  await intake.answerDate('isotretinoinLastDose', 'never');
  await intake.control('latinName').pressSequentially('Kim Min');
  // The last keystroke is in the stored draft (the autosave waits for a pause), then the page goes away.
  await expect
    .poll(async () => (await callService(app, 'getDraft', { key: draftKey }))?.form)
    .toMatchObject({ nativeName: '김민지', latinName: 'Kim Min', languages: ['ko', 'en'], dateStates: { isotretinoinLastDose: 'never' } });
  await page.reload();
  await intake.waitUntilReady();
  await expect(intake.restoredBanner).toBeVisible();
  await expect(intake.control('nativeName')).toHaveValue('김민지');
  await expect(intake.control('latinName')).toHaveValue('Kim Min');
  await expect(intake.control('language-ko')).toBeChecked();
  await expect(intake.control('language-en')).toBeChecked();
  await expect(intake.field('isotretinoinLastDose')).toHaveAttribute('data-date-state', 'never');
});

test("the contract's schema refuses an intake on the screen, the first field in error taking the focus", async ({ page, app }) => {
  const list = new PatientListPage(page, app);
  const intake = new IntakePage(page);
  await list.goto();
  await list.newPatient();
  await intake.waitUntilReady();
  await intake.fill({ nativeName: '김민지', latinName: 'Kim Minji' });
  await intake.pressSave();
  await expect(intake.control('birthDate')).toBeFocused();
  await expect(intake.errorOf('birthDate')).toHaveText(/.+/);
  for (const language of ['en', 'ko'] as const) {
    await new AppShell(page).setLanguage(language);
    await expect(intake.errorOf('birthDate')).toHaveText(issueText(language, 'required'));
    await saveScreenshot(page, `forms-intake-errors-${language}`);
  }
});

test('the profiles forms: refusals only the services know land beside their fields, and a PIN is typed twice alike', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}#/settings`);
  await new AppShell(page).setLanguage('en');
  const profiles = page.locator('[data-coordinator-profiles]');
  await expect(profiles.getByRole('listitem')).toHaveCount(1);

  // A name already taken: the door's refusal at ["name"] is said beside the name, with the focus there.
  await profiles.locator('[name="profile-name"]').fill(DEFAULT_COORDINATOR.name);
  await profiles.locator('[name="profile-pin"]').fill('918273');
  await profiles.locator('[name="profile-pin-confirm"]').fill('918273');
  await profiles.locator('[name="profile-pin-confirm"]').press('Enter');
  await expect(profiles.locator('[data-error-for="profile-name"]')).toHaveText(issueText('en', 'name_taken'));
  await expect(profiles.locator('[name="profile-name"]')).toBeFocused();
  // The refused PIN is not left in the page.
  await expect(profiles.locator('[name="profile-pin"]')).toHaveValue('');
  expect((await callService(app, 'listCoordinators', {})).coordinators).toHaveLength(1);

  // A new PIN typed twice differently never reaches the door.
  // Found by its heading's id, not its name: the name changes with the language, for the screenshots below.
  const change = page.locator('form[aria-labelledby="profiles-change-pin"]');
  await expect(change).toHaveAccessibleName(uiText('en', 'profiles.changePinTitle', { name: DEFAULT_COORDINATOR.name }));
  await change.locator('[name="profile-current-pin"]').fill(DEFAULT_COORDINATOR.pin);
  await change.locator('[name="profile-new-pin"]').fill('135792');
  await change.locator('[name="profile-new-pin-confirm"]').fill('135799');
  await change.locator('[name="profile-new-pin-confirm"]').press('Enter');
  await expect(change.locator('[data-error-for="profile-new-pin-confirm"]')).toHaveText(issueText('en', 'pins_differ'));
  await expect(change.locator('[name="profile-new-pin-confirm"]')).toBeFocused();

  // A wrong current PIN: the door's refusal at ["currentPin"] is said beside it, with the focus there.
  await change.locator('[name="profile-current-pin"]').fill('000000');
  await change.locator('[name="profile-new-pin-confirm"]').fill('135792');
  await change.locator('[name="profile-new-pin-confirm"]').press('Enter');
  await expect(change.locator('[data-error-for="profile-current-pin"]')).toHaveText(issueText('en', 'wrong_pin'));
  await expect(change.locator('[data-error-for="profile-new-pin-confirm"]')).toHaveCount(0);
  await expect(change.locator('[name="profile-current-pin"]')).toBeFocused();

  for (const language of ['en', 'ko'] as const) {
    await new AppShell(page).setLanguage(language);
    await expect(change.locator('[data-error-for="profile-current-pin"]')).toHaveText(issueText(language, 'wrong_pin'));
    await profiles.scrollIntoViewIfNeeded();
    await profiles.screenshot({ path: `test-results/screens/forms-profiles-${language}.png` });
  }
});

test('a price that is not a number is refused beside it, with the focus in it, and nothing is saved', async ({ page, app }) => {
  await page.goto(`${app.url}#/settings`);
  await new AppShell(page).setLanguage('en');
  const price = page.locator('input[name="price-fractional-co2"]');
  await price.fill('55만');
  await page.locator('input[name="clinicName"]').press('Enter');
  await expect(page.locator('[data-error-for="price-fractional-co2"]')).toHaveText(issueText('en', 'invalid'));
  await expect(price).toBeFocused();
  await expect(page.locator('.banner--error')).toHaveText(uiText('en', 'intake.errorsSummary_one', { count: 1 }));
  const before = await callService(app, 'getClinicSettings', {});
  expect(before.prices['fractional-co2']).not.toBe(55);
});
