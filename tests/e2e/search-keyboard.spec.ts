// From the search box, as its hint says: the arrows go into the list on the selected row, and Enter opens the
// patient selected (the first one found until another is), without the mouse.
import type { Page } from '@playwright/test';
import { expect, test, type App } from './support/fixtures';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';

/** The demo patients' list, with `text` typed into the search box and its search answered. */
async function listSearching(page: Page, app: App, text: string): Promise<PatientListPage> {
  await callService(app, 'seedDemoPatients', {});
  const list = new PatientListPage(page, app);
  await list.goto();
  await list.search.focus();
  await page.keyboard.type(text);
  await list.waitForResults();
  return list;
}

test('typing a name, then Enter, opens the first patient found; ArrowDown moves into the list on that row', async ({ page, app }) => {
  const list = await listSearching(page, app, 'al-');
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
  const list = await listSearching(page, app, 'al-');
  await expect(list.rows).toHaveCount(4);
  // The last search's rows are still on screen while the new one waits for the pause after typing.
  await page.keyboard.type('zzz');
  await page.keyboard.press('Enter');
  await list.waitForResults();
  await expect(page).toHaveURL(/#\/patients$/);
});

test('Enter in the search box with nothing found opens nothing', async ({ page, app }) => {
  await listSearching(page, app, 'zzzzzz');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/patients$/);
});
