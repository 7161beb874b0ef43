// From the search box, as its hint says: the arrows go into the list on the selected row, and Enter opens the
// patient selected (the first one found until another is), without the mouse.
import { expect, test } from './support/fixtures';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';

test('typing a name, then Enter, opens the first patient found; ArrowDown moves into the list on that row', async ({ page, app }) => {
  await callService(app, 'seedDemoPatients', {});
  const list = new PatientListPage(page, app);
  await list.goto();
  await list.search.focus();
  await page.keyboard.type('al-');
  await list.waitForResults();
  await expect(list.rows).toHaveCount(4);
  const [first, second] = await list.visibleIds();

  // ArrowDown from the box: the focus is on the list, its first row selected; the next ArrowDown moves on.
  await page.keyboard.press('ArrowDown');
  await expect(list.grid).toBeFocused();
  await expect(list.grid).toHaveAttribute('aria-activedescendant', `patient-row-${first}`);
  await page.keyboard.press('ArrowDown');
  await expect(list.grid).toHaveAttribute('aria-activedescendant', `patient-row-${second}`);

  // Back in the box, Enter opens the row selected in the list.
  await list.search.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/patients/${second}$`));
});

test('Enter pressed before the search for what was just typed has answered opens nothing', async ({ page, app }) => {
  await callService(app, 'seedDemoPatients', {});
  const list = new PatientListPage(page, app);
  await list.goto();
  await list.search.focus();
  await page.keyboard.type('al-');
  await list.waitForResults();
  await expect(list.rows).toHaveCount(4);
  // The last search's rows are still on screen while the new one waits for the pause after typing.
  await page.keyboard.type('zzz');
  await page.keyboard.press('Enter');
  await list.waitForResults();
  await expect(page).toHaveURL(/#\/patients$/);
});

test('Enter in the search box with nothing found opens nothing', async ({ page, app }) => {
  await callService(app, 'seedDemoPatients', {});
  const list = new PatientListPage(page, app);
  await list.goto();
  await list.search.focus();
  await page.keyboard.type('zzzzzz');
  await list.waitForResults();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/patients$/);
});
